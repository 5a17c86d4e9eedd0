/** The HTML a feed carries for one story: its photos' captions, its body and the editors' notes. */
import { formatCaption, type Credit } from './credits.ts';
import { editorNoteId } from './editor-notes.ts';

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * In-page links (#p3, #editor-note-1) made absolute: a feed reader shows the story away from
 * its page, where a bare fragment would point nowhere.
 */
export function absoluteFragments(html: string, permalink: string): string {
  return html.replace(/href="#/g, `href="${permalink}#`);
}

export interface FeedStory {
  /** The story body as the site renders it (may be empty for photo news). */
  bodyHtml: string;
  figures: readonly { caption: string; credit?: Credit | undefined }[];
  notes: readonly { text: string; anchor?: string | undefined }[];
  permalink: string;
}

/** The body without its empty ¶ self-links (src/markdown/rehype-paragraph-anchors.ts): in a feed reader they point nowhere useful and show as nothing. */
export function withoutParagraphLinks(html: string): string {
  return html.replace(/<a\b[^>]*\bclass="para-link"[^>]*><\/a>/g, '');
}

/** The full text of a story for content:encoded. Photo news carries its caption, credited as printed. */
export function feedHtml(story: FeedStory): string {
  const figures = story.figures.map(
    (figure) => `<figure><figcaption>${escapeHtml(formatCaption(figure.caption, figure.credit))}</figcaption></figure>`,
  );
  const notes =
    story.notes.length === 0
      ? []
      : [
          '<aside><p>编者注（本档案编者所加，不属原文）：</p><ol>',
          ...story.notes.map(
            (note, i) =>
              `<li id="${editorNoteId(i)}">${note.anchor ? `“${escapeHtml(note.anchor)}”：` : ''}${escapeHtml(note.text)}</li>`,
          ),
          '</ol></aside>',
        ];
  return absoluteFragments(
    [...figures, withoutParagraphLinks(story.bodyHtml).trim(), ...notes].filter(Boolean).join('\n'),
    story.permalink,
  );
}

/** The XHTML namespace of the feeds' browser view; feed readers ignore elements in it. */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

export interface FeedIntro {
  /** The feed's title as a reader sees it. */
  title: string;
  /** Absolute address of the feed, to copy into a reader. */
  feedUrl: string;
  /** How many stories the feed carries. */
  count: number;
  homePath: string;
  aboutPath: string;
}

/*
 * The browser view (public/rss.css shows these elements and hides the RSS fields). @astrojs/rss
 * re-parses custom data, which reorders text mixed with elements: so every element here holds
 * either text or elements, never both, and same-named siblings stay next to each other.
 */

/** What the feed is and how to subscribe, as XHTML for the channel. */
export function feedIntroXml(intro: FeedIntro): string {
  return [
    '<h:div lang="zh-CN" class="feed-intro">',
    `<h:h1>${escapeHtml(intro.title)}：RSS订阅源</h:h1>`,
    `<h:p>这是本档案的RSS订阅源：供RSS阅读器读取的数据，载有最新的${intro.count}篇稿件全文。浏览器打开时显示为本页。</h:p>`,
    '<h:p>订阅方法：复制下面的地址，粘贴到RSS阅读器（如Feedly、Inoreader、NetNewsWire）的“添加订阅”中，有新稿件时阅读器会自动收到。</h:p>',
    `<h:code>${escapeHtml(intro.feedUrl)}</h:code>`,
    `<h:nav aria-label="档案"><h:a href="${escapeHtml(intro.homePath)}">档案首页</h:a><h:a href="${escapeHtml(intro.aboutPath)}">关于本档案</h:a></h:nav>`,
    '<h:h2>本订阅源中的稿件</h:h2>',
    '</h:div>',
  ].join('');
}

/** One story's line in the browser view: its headline linked to its page, then date, section and place. */
export function feedItemLinkXml(item: { path: string; headline: string; details: string }): string {
  return `<h:p class="feed-item"><h:a href="${escapeHtml(item.path)}">${escapeHtml(item.headline)}</h:a><h:span>${escapeHtml(item.details)}</h:span></h:p>`;
}
