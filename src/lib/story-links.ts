/** Ways from one story to others: the stories before and after it, and stories like it. */

/** What the links need to know of a story. */
export interface LinkableStory {
  /** The story's id (its slug). */
  key: string;
  section: string;
  city: string;
  county?: string | undefined;
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

/** How close another story is: same county outweighs same city, which outweighs same section. */
function closeness(story: LinkableStory, other: LinkableStory): number {
  const sameCity = other.city === story.city;
  const sameCounty = sameCity && story.county !== undefined && other.county === story.county;
  return (sameCounty ? 4 : 0) + (sameCity ? 2 : 0) + (other.section === story.section ? 1 : 0);
}

/**
 * Stories sharing the place or the section of `story`, closest first; among equals the list's
 * own (newest-first) order is kept. The story itself is never related to itself.
 */
export function relatedStories<T extends LinkableStory>(stories: readonly T[], story: LinkableStory, limit = 3): T[] {
  return stories
    .filter((other) => other.key !== story.key)
    .map((other, order) => ({ other, order, score: closeness(story, other) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ other }) => other);
}

/**
 * The same answer as `relatedStories` for every story at once, without comparing each story with
 * every other (which would be quadratic in a 100,000-story archive). Each story's best candidates
 * are the newest few of the groups it belongs to, so only those are scored.
 */
export function relatedForAll<T extends LinkableStory>(newestFirst: readonly T[], limit = 3): Map<string, T[]> {
  const order = new Map(newestFirst.map((story, i) => [story.key, i]));
  const groupKeys = (s: LinkableStory): string[] => [
    `s:${s.section}`,
    `c:${s.city}`,
    `cs:${s.city}:${s.section}`,
    ...(s.county === undefined ? [] : [`k:${s.city}:${s.county}`, `ks:${s.city}:${s.county}:${s.section}`]),
  ];
  // The newest limit + 1 of each group: enough to fill `limit` even when the story itself is among them.
  const groups = new Map<string, T[]>();
  for (const story of newestFirst) {
    for (const key of groupKeys(story)) {
      const group = groups.get(key) ?? [];
      if (group.length <= limit) group.push(story);
      groups.set(key, group);
    }
  }
  const result = new Map<string, T[]>();
  for (const story of newestFirst) {
    const candidates = new Map<string, T>();
    for (const key of groupKeys(story)) for (const other of groups.get(key) ?? []) candidates.set(other.key, other);
    const ranked = [...candidates.values()].sort((a, b) => order.get(a.key)! - order.get(b.key)!);
    result.set(story.key, relatedStories(ranked, story, limit));
  }
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
