/**
 * Page cache keys for Astro's incremental build (experimental.incrementalBuild in
 * astro.config.mjs): a page whose key and code are unchanged since the last build is copied from
 * it, not rendered. A key is a hash of everything the page shows that its code does not: the data
 * its getStaticPaths hands it and whatever else it reads (a story's neighbours, a section's
 * stories). A content entry (an object with an `id` and a `digest`) counts by those two: the
 * digest covers its whole file (src/loaders/stories.ts), so what is shown of it changes only with it.
 */
import { createHash } from 'node:crypto';

const isEntry = (value: unknown): value is { id: string; digest: string | number } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  'digest' in value &&
  'data' in value;

/** The cache key of a page that shows `parts`. */
export function cacheKeyOf(...parts: unknown[]): string {
  const text = JSON.stringify(parts, (_key, value: unknown) =>
    isEntry(value) ? `${value.id}@${value.digest}` : value,
  );
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
