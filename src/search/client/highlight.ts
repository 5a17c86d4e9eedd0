/**
 * Arriving from a search result (/stories/<slug>/?hl=<text>), marks every exact occurrence of the
 * searched text in the story with <mark> and scrolls to the first. Does nothing without ?hl=.
 * (A #:~:text= fragment would need no script, but Chromium matches it only at word boundaries,
 * and Chinese has none: 准地 inside 标准地 would not be found.)
 */
const terms = new URLSearchParams(location.search).getAll('hl').filter(Boolean);
const story = document.querySelector('article.story');
if (terms.length > 0 && story) markTerms(story, terms);

function markTerms(root: Element, wanted: string[]): void {
  // The story's text nodes joined into one string, each node with its offset in it.
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node: node as Text, start: text.length });
    text += (node as Text).data;
  }
  const locate = (offset: number): [Text, number] => {
    let k = nodes.length - 1;
    while (nodes[k]!.start > offset) k--;
    return [nodes[k]!.node, offset - nodes[k]!.start];
  };
  const hits: [number, number][] = [];
  for (const term of wanted) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length))
      hits.push([at, at + term.length]);
  }
  // Overlapping hits are dropped; marking runs last to first so earlier offsets stay valid.
  let covered = 0;
  const kept = hits.sort((a, b) => a[0] - b[0]).filter(([start, end]) => start >= covered && (covered = end) > 0);
  let first: HTMLElement | undefined;
  for (const [start, end] of kept.reverse()) {
    const range = document.createRange();
    range.setStart(...locate(start));
    const [endNode, endOffset] = locate(end - 1);
    range.setEnd(endNode, endOffset + 1);
    const mark = document.createElement('mark');
    mark.append(range.extractContents());
    range.insertNode(mark);
    first = mark;
  }
  if (first) {
    first.tabIndex = -1;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}
