/**
 * The lexicon (src/search/core/lexicon.ts, src/search/build/lexicon.ts): built from random texts in
 * two shards and read back from the written buckets, its answer for any term agrees with a plain
 * scan — "none" only when no story holds the term, exact stories and positions when every word is
 * rare, a superset with the true stories when only some are.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { searchRecord } from '../../src/search/core/record.ts';
import { ShardLexicon, writeLexicon } from '../../src/search/build/lexicon.ts';
import {
  bucketCount,
  bucketOf,
  facetOf,
  hashWord,
  lookupTerm,
  numberKeys,
  NUMBER_KEY_MAX,
  shardOf,
  termKeys,
  termWords,
  WINDOW,
  type Bucket,
} from '../../src/search/core/lexicon.ts';
import { random } from '../../tooling/random.ts';
import { FOLD } from '../support/fold.ts';

// The build's 繁體 = 简体 table, as the indexer and the search page install it.

test('hashWord is FNV-1a (the same in the browser and at build); buckets grow in powers of two', () => {
  assert.equal(hashWord(''), 0x811c9dc5);
  assert.equal(hashWord('a'), 0xe40c292c);
  assert.equal(bucketOf('0u490nhq', 32), hashWord('0u490nhq') % 32);
  assert.equal(bucketCount(0), 1);
  assert.equal(bucketCount(8192 * 5), 8);
  assert.equal(bucketCount(1e12), 65536);
  assert.deepEqual(termWords('项目'), ['0u490nhq']);
  assert.deepEqual(termWords('项'), ['0u49']);
  assert.equal(termWords('营商环境').length, 3);
});

test('lexicon answers agree with a plain scan over random texts, at every rare limit', () => {
  const rand = random(7);
  // A small alphabet makes some words common and others rare.
  const alphabet = Array.from('开发区项目储能电站招商营1 ,.02');
  const rare = Array.from('琪锁菊');
  const texts = Array.from({ length: 40 }, () =>
    Array.from({ length: 20 + Math.floor(rand() * 60) }, () =>
      rand() < 0.03 ? rare[Math.floor(rand() * rare.length)] : alphabet[Math.floor(rand() * alphabet.length)],
    ).join(''),
  );
  const heads = texts.map((_, i) => `标题${i % 7}`);
  const folded = texts.map((t, i) => FOLD.chars(`${heads[i]}\n${t}`).join(''));
  for (const rareLimit of [0, 2, 5, 100]) {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    try {
      const shards = [new ShardLexicon(rareLimit), new ShardLexicon(rareLimit)];
      // Each shard numbers its stories from 0; the merge counts the second's from 25.
      texts.forEach((text, i) =>
        shards[i < 25 ? 0 : 1]!.add(
          i < 25 ? i : i - 25,
          facetOf(i % 3, i % 5, 5),
          searchRecord({ head: heads[i]!, body: text }, FOLD),
        ),
      );
      const { buckets } = writeLexicon(
        dir,
        shards.map((s, k) => ({ words: JSON.parse(JSON.stringify(s)), first: k * 25 })),
        rareLimit,
      );
      const read = (word: string): Bucket =>
        JSON.parse(gunzipSync(readFileSync(join(dir, `${bucketOf(word, buckets)}.bin`))).toString());
      const terms = new Set<string>(['琪锁', '区块链', '项', '琪', '标题3', '开发区', '1,0', '0.2开']);
      for (let k = 0; k < 300; k++) {
        const text = folded[Math.floor(rand() * folded.length)]!;
        const at = Math.floor(rand() * (text.length - 4));
        // Up to 14 characters: longer than a window reaches around a rare word.
        terms.add(text.slice(at, at + 1 + Math.floor(rand() * (k < 150 ? 4 : 14))).trim());
      }
      let settled = 0;
      for (const term of terms) {
        if (!term) continue;
        const holders = folded.flatMap((t, i) => (t.includes(term) ? [i] : []));
        const answer = lookupTerm(term, read);
        if (answer.kind === 'none') assert.deepEqual(holders, [], `${term} @${rareLimit}: none, but held`);
        else if (answer.kind === 'rare') {
          const found = [...answer.stories.keys()].sort((a, b) => a - b);
          for (const story of holders) assert.ok(found.includes(story), `${term} @${rareLimit}: story ${story} missed`);
          for (const candidate of answer.stories.values()) {
            assert.equal(candidate.facet, facetOf(candidate.story % 3, candidate.story % 5, 5));
            assert.equal(candidate.headLength, Array.from(heads[candidate.story]!).length);
            if (!candidate.verified) {
              // Only a term reaching past its windows stays unsettled.
              assert.ok(
                Array.from(term).length > WINDOW + 2,
                `${term} @${rareLimit}: story ${candidate.story} left to the text`,
              );
              continue;
            }
            if (termKeys(term).some((key) => !Array.isArray(read(key.word)[key.word]))) settled++;
            assert.ok(
              holders.includes(candidate.story),
              `${term} @${rareLimit}: story ${candidate.story} does not hold it`,
            );
            const chars = Array.from(folded[candidate.story]!);
            const starts = chars.flatMap((_, p) =>
              chars.slice(p, p + Array.from(term).length).join('') === term ? [p] : [],
            );
            assert.deepEqual(
              candidate.starts,
              Array.from(term).length === 1 ? starts.slice(0, 1) : starts,
              `${term} @${rareLimit}: positions`,
            );
          }
        } else assert.ok(termWords(term).length > 0 && rareLimit < 40, `${term} @${rareLimit}: common`);
      }
      // Windows settle stories for terms whose other words are common (at 100 every word is rare).
      if (rareLimit === 2 || rareLimit === 5) assert.ok(settled > 0, `@${rareLimit}: some stories settled by windows`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('byline words: a byline lookup agrees with a plain scan of bylines and credits, each on its own, at every rare limit', () => {
  const rand = random(11);
  const alphabet = Array.from('王李张瑞菊琪摄供图 ');
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  // Body: a caption ending in a credit, a paragraph, then the bylines, as src/lib/story-text-model.ts lays them out.
  const stories = Array.from({ length: 30 }, () => {
    const credit = pick(2 + Math.floor(rand() * 4)).trim() || '王';
    const caption = `图为现场 ■ ${credit}`;
    const paragraph = pick(30);
    const bylines = `${pick(3).trim() || '李'}\n${pick(3).trim() || '张'}`;
    const body = [caption, paragraph, bylines].join('\n');
    const cp = (s: string) => Array.from(s).length;
    const creditStart = cp(caption) - cp(credit);
    const bylineStart = cp(caption) + 1 + cp(paragraph) + 1;
    return {
      body,
      ranges: [
        [creditStart, cp(caption)],
        [bylineStart, bylineStart + cp(bylines)],
      ] as [number, number][],
      pieces: [credit, bylines].map((p) => FOLD.chars(p).join('')),
    };
  });
  for (const rareLimit of [0, 3, 100]) {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    try {
      const shard = new ShardLexicon(rareLimit);
      const records = stories.map((s) => searchRecord({ head: '标题', body: s.body, bylines: s.ranges }, FOLD));
      records.forEach((record, i) => shard.add(i, 0, record));
      const { buckets } = writeLexicon(dir, [{ words: JSON.parse(JSON.stringify(shard)), first: 0 }], rareLimit);
      const read = (word: string): Bucket =>
        JSON.parse(gunzipSync(readFileSync(join(dir, `${bucketOf(word, buckets)}.bin`))).toString());
      const terms = new Set(['王', '摄', '瑞菊', '图为', '现场', '李 张', '王李张']);
      for (const s of stories)
        for (const piece of s.pieces)
          for (let k = 0; k + 2 <= piece.length; k += 2) terms.add(piece.slice(k, k + 2).trim());
      for (const term of terms) {
        if (!term) continue;
        const holders = stories.flatMap((s, i) => (s.pieces.some((p) => p.includes(term)) ? [i] : []));
        const answer = lookupTerm(term, read, 'byline');
        if (answer.kind === 'none') assert.deepEqual(holders, [], `${term} @${rareLimit}: none, but held`);
        else if (answer.kind === 'rare') {
          for (const story of holders)
            assert.ok(answer.stories.has(story), `${term} @${rareLimit}: story ${story} missed`);
          for (const candidate of answer.stories.values()) {
            if (!candidate.verified) continue;
            assert.ok(
              holders.includes(candidate.story),
              `${term} @${rareLimit}: story ${candidate.story} does not hold it in a byline`,
            );
            // Positions are where the term stands in the story's text, inside a byline run.
            const chars = records[candidate.story]!.chars;
            for (const start of candidate.starts)
              assert.equal(chars.slice(start, start + Array.from(term).length).join(''), term);
          }
        } else assert.ok(rareLimit < 30, `${term} @${rareLimit}: common`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('number keys: a text lists each run of digits under its prefixes and suffixes; a term asks for the key its occurrences must have', () => {
  const words = (keys: { word: string; at: number; length: number }[]) =>
    keys.map(({ at, length }) => `${at}+${length}`);
  // 投资1,014万元 (runs: 1,014 at 2) and 第3届 (a one-character run: no keys).
  const text = Array.from('投资1,014万元第3届');
  const keys = numberKeys(text);
  assert.equal(keys.length, 2 * 4, 'prefixes and suffixes of 2 … 5 characters');
  assert.deepEqual(words(keys.filter((k) => k.word.startsWith('p'))), ['2+2', '2+3', '2+4', '2+5']);
  assert.deepEqual(words(keys.filter((k) => k.word.startsWith('s'))), ['5+2', '4+3', '3+4', '2+5']);
  const numberKey = (term: string) => termKeys(term).filter((k) => k.word.startsWith('p') || k.word.startsWith('s'));
  // A term starting with a run: the text's run ends with it (21,014万元 holds 1,014万元).
  const starting = numberKey('1,014万元');
  assert.equal(starting.length, 1);
  assert.ok(
    keys.some((k) => k.word === starting[0]!.word && k.at === 2),
    'its suffix key is the text’s',
  );
  assert.ok(numberKeys(Array.from('21,014万元')).some((k) => k.word === starting[0]!.word));
  // A term ending with a run: the text's run begins with it; one inside: the whole run.
  assert.ok(numberKey('投资1,0')[0]!.word.startsWith('p'));
  assert.ok(keys.some((k) => k.word === numberKey('投资1,0')[0]!.word));
  assert.ok(keys.some((k) => k.word === numberKey('资1,014万')[0]!.word));
  // A term that is one run, a one-character run, a byline search: none.
  assert.deepEqual(numberKey('1,014'), []);
  assert.deepEqual(numberKey('第3届'), []);
  assert.deepEqual(
    termKeys('1,014万元', 'byline').filter((k) => !k.word.startsWith('y')),
    [],
  );
  // A long run: keyed by its first and last NUMBER_KEY_MAX characters.
  const long = Array.from('号'.concat('1234567890'.repeat(2), '号'));
  assert.equal(numberKeys(long).length, 2 * (NUMBER_KEY_MAX - 1));
  assert.ok(numberKeys(long).some((k) => k.word === numberKey('号' + '1234567890'.repeat(2))[0]!.word));
});

test('a search record spells bylines and credits again as byline words, a gap after each run', () => {
  const body = '图为现场 ■ 王瑞瑞摄\n正文王瑞瑞。\n袁兆辉 张小菊';
  const record = searchRecord(
    {
      head: '标题',
      body,
      bylines: [
        [7, 11],
        [19, 26],
      ],
    },
    FOLD,
  );
  const text = record.chars.join('');
  assert.deepEqual(
    record.bylineRuns.map(([s, e]) => text.slice(s, e)),
    ['王瑞瑞摄', '袁兆辉 张小菊'],
  );
  const words = record.words;
  const byline = termWords('王瑞', 'byline')[0]!;
  assert.equal(words.filter((w) => w === byline).length, 1, 'the name once as a byline word, though twice in the text');
  assert.ok(
    termWords('辉 张', 'byline').every((w) => words.includes(w)),
    'a space inside the bylines is part of the run',
  );
  assert.ok(!words.includes(termWords('摄袁', 'byline')[0]!), 'no byline word spans two runs');
});

test('routing: a common term is looked for only in the shards holding all its words, and every story holding it is in one of them', () => {
  const rand = random(23);
  const alphabet = Array.from('开发区项目储能电站招商营');
  // Eight shards of five stories; some words only in the later shards.
  const late = Array.from('琪锁菊');
  const texts = Array.from({ length: 40 }, (_, i) =>
    Array.from({ length: 40 }, () =>
      i >= 30 && rand() < 0.2 ? late[Math.floor(rand() * late.length)] : alphabet[Math.floor(rand() * alphabet.length)],
    ).join(''),
  );
  const shardOfStory = (i: number) => Math.floor(i / 5);
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  try {
    const shards = Array.from({ length: 8 }, () => new ShardLexicon(0));
    texts.forEach((text, i) =>
      shards[shardOfStory(i)]!.add(i % 5, 0, searchRecord({ head: '标题', body: text }, FOLD)),
    );
    const { buckets } = writeLexicon(
      dir,
      shards.map((s, k) => ({ words: JSON.parse(JSON.stringify(s)), first: k * 5 })),
      0,
    );
    const read = (word: string): Bucket =>
      JSON.parse(gunzipSync(readFileSync(join(dir, `${bucketOf(word, buckets)}.bin`))).toString());
    let routed = 0;
    const folded = texts.map((t) => FOLD.chars(`标题\n${t}`).join(''));
    const terms = new Set(['琪锁', '菊', '琪', '开发', '区项目', '锁菊开']);
    for (let k = 0; k < 100; k++) {
      const text = folded[30 + Math.floor(rand() * 10)]!;
      const at = Math.floor(rand() * (text.length - 4));
      terms.add(text.slice(at, at + 1 + Math.floor(rand() * 3)));
    }
    for (const term of terms) {
      const answer = lookupTerm(term, read);
      assert.notEqual(answer.kind, 'rare', 'a rare limit of 0: every word common');
      if (answer.kind !== 'common' || !answer.shards) continue;
      routed++;
      assert.ok(answer.shards.size <= 4, `${term}: routed to at most half the shards`);
      folded.forEach((text, story) => {
        if (text.includes(term))
          assert.ok(answer.shards!.has(shardOfStory(story)), `${term}: story ${story} is outside its route`);
      });
    }
    assert.ok(routed > 5, `some terms are routed (${routed})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shardOf finds the shard of an archive story number', () => {
  const shards = [500, 2000, 2000].map((stories, i) => ({ name: `qa${'abc'[i]}`, stories, newest: '', oldest: '' }));
  assert.deepEqual(
    [0, 499, 500, 2499, 2500, 4499].map((story) => shardOf(shards, story)),
    [0, 0, 1, 1, 2, 2],
  );
});
