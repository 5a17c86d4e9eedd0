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
 * The story just older and just newer than `key` in a newest-first list.
 * The list's order (by date, ties by slug) is the archive's one order, so the links are stable.
 */
export function olderAndNewer<T extends { key: string }>(newestFirst: readonly T[], key: string): { older?: T; newer?: T } {
  const at = newestFirst.findIndex((item) => item.key === key);
  if (at < 0) return {};
  const older = newestFirst[at + 1];
  const newer = at > 0 ? newestFirst[at - 1] : undefined;
  return { ...(older && { older }), ...(newer && { newer }) };
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
