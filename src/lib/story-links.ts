/** Ways from one story to others: the stories before and after it, and stories like it. */

/** What the links need to know of a story. */
export interface LinkableStory {
  /** The story's id (its slug). */
  key: string;
  section: string;
  city: string;
  county?: string | undefined;
  /** The printed page it was on (its source extract), when known. */
  page?: string | undefined;
}

/**
 * The stories just older and just newer than the one at `index` of a newest-first list.
 * The list's order (by date, ties by slug) is the archive's one order, so the links are stable.
 */
export function olderAndNewer<T>(newestFirst: readonly T[], index: number): { older?: T; newer?: T } {
  const older = newestFirst[index + 1];
  const newer = index > 0 ? newestFirst[index - 1] : undefined;
  return { ...(older !== undefined && { older }), ...(newer !== undefined && { newer }) };
}

/**
 * How close another story is: same county outweighs same city, which outweighs same section,
 * which outweighs only having been printed on the same page (a story alone in its place and
 * section still has the other stories of its page, as a reader of the paper had).
 */
function closeness(story: LinkableStory, other: LinkableStory): number {
  const sameCity = other.city === story.city;
  const sameCounty = sameCity && story.county !== undefined && other.county === story.county;
  const samePage = story.page !== undefined && other.page === story.page;
  return (sameCounty ? 8 : 0) + (sameCity ? 4 : 0) + (other.section === story.section ? 2 : 0) + (samePage ? 1 : 0);
}

/** The candidates (with their positions in the newest-first list) ranked as related to the story at `at`. */
function pickRelated<T extends LinkableStory>(
  candidates: Iterable<{ other: T; order: number }>,
  story: LinkableStory,
  at: number,
  skip: ReadonlySet<string>,
  limit: number,
): T[] {
  return [...candidates]
    .map(({ other, order }) => ({ other, order, score: closeness(story, other) }))
    .filter(({ other, score }) => score > 0 && !skip.has(other.key))
    .sort((a, b) => b.score - a.score || Math.abs(a.order - at) - Math.abs(b.order - at) || a.order - b.order)
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The story itself and its 上一篇/下一篇, which its page links already: never among its related. */
function notRelated(newestFirst: readonly LinkableStory[], at: number, key: string): Set<string> {
  const skip = new Set([key]);
  for (const near of [newestFirst[at - 1], newestFirst[at + 1]]) if (near) skip.add(near.key);
  return skip;
}

/**
 * Stories sharing the place, the section or the printed page of `story` (one of `newestFirst`), closest first; among
 * equals the nearest in time (then the newer). Never the story itself, nor its 上一篇/下一篇. Nearest,
 * not newest: a new story then changes the related links of the few stories just before it in its
 * groups, not of every story of its section and place (and so not every page of an incremental build).
 */
export function relatedStories<T extends LinkableStory>(
  newestFirst: readonly T[],
  story: LinkableStory,
  limit = 3,
): T[] {
  const at = newestFirst.findIndex((other) => other.key === story.key);
  return pickRelated(
    newestFirst.map((other, order) => ({ other, order })),
    story,
    at,
    notRelated(newestFirst, at, story.key),
    limit,
  );
}

/**
 * The same answer as `relatedStories` for every story at once, without comparing each story with
 * every other (which would be quadratic in a 100,000-story archive). Candidates are the stories
 * nearest to it in each group it belongs to: limit + 2 on each side (the 2 for 上一篇/下一篇) is
 * enough, as any story of a group farther on one side ranks below all of that side's nearer ones.
 * A printed page's stories (a few dozen at most) are all candidates: being on the page adds to a
 * story's score, so a far one of them can outrank nearer stories of its other groups.
 */
export function relatedForAll<T extends LinkableStory>(newestFirst: readonly T[], limit = 3): Map<string, T[]> {
  const groupKeys = (s: LinkableStory): string[] => [
    `s:${s.section}`,
    `c:${s.city}`,
    `cs:${s.city}:${s.section}`,
    ...(s.county === undefined ? [] : [`k:${s.city}:${s.county}`, `ks:${s.city}:${s.county}:${s.section}`]),
    ...(s.page === undefined ? [] : [`p:${s.page}`]),
  ];
  /** Each group's members (their archive positions), newest first. */
  const groups = new Map<string, number[]>();
  /** Each story's position inside each of its groups, in groupKeys order. */
  const inGroup: number[][] = newestFirst.map((story, order) =>
    groupKeys(story).map((key) => {
      const group = groups.get(key) ?? [];
      groups.set(key, group);
      return group.push(order) - 1;
    }),
  );
  const side = limit + 2;
  const result = new Map<string, T[]>();
  newestFirst.forEach((story, at) => {
    const candidates = new Map<number, { other: T; order: number }>();
    groupKeys(story).forEach((key, g) => {
      const group = groups.get(key)!;
      const i = inGroup[at]![g]!;
      const near = key.startsWith('p:') ? group : group.slice(Math.max(0, i - side), i + side + 1);
      for (const order of near) candidates.set(order, { other: newestFirst[order]!, order });
    });
    result.set(story.key, pickRelated(candidates.values(), story, at, notRelated(newestFirst, at, story.key), limit));
  });
  return result;
}

/**
 * The words over a 上一篇/下一篇 link: its place in the archive's order, and what the dates say of
 * the time between (src/lib/dates.ts timeRelation). Two stories of one month of which either is
 * dated only to the month are in order, but neither is said to be older or newer.
 */
export function neighbourLabel(place: 'older' | 'newer', relation: 'newer' | 'older' | 'same-day' | 'unknown'): string {
  const word = place === 'older' ? '上一篇' : '下一篇';
  const when =
    relation === 'unknown'
      ? '同月，先后不详'
      : relation === 'same-day'
        ? '同日'
        : relation === 'older'
          ? '较早'
          : '较新';
  return `${word}（${when}）`;
}
