/**
 * How much of the archive one search covers. The index is cut into shards of stories, newest
 * first (scripts/index-search.ts). A search starts with the newest shard, so its first results
 * cost the same however large the archive grows; the reader widens it to older stories, each
 * step doubling the number of shards searched, or asks for all of them (?scope=all).
 */
import { formatChineseDate } from './dates.ts';

/** One shard as listed in pagefind/shards.json, newest first. */
export interface ShardInfo {
  /** Pagefind "language" code of the shard: qaa, qab, … */
  language: string;
  stories: number;
  /** Dates of its newest and oldest story, 2025-10-03 (a story dated only to the month: its first day). */
  newest: string;
  oldest: string;
}

/** What a search covered. */
export interface Scope {
  /** Shards searched: the newest `shards` of them. */
  shards: number;
  /** Stories in those shards, and in the whole archive. */
  stories: number;
  total: number;
  /** Date of the oldest story searched (as in ShardInfo). */
  oldest: string;
  complete: boolean;
}

export const SCOPE_ALL = 'all';

/** The ?scope= value as a number of shards: 'all', or a positive whole number capped at the total; default 1. */
export function parseScope(value: string | null, shardCount: number): number {
  if (shardCount < 1) return 0;
  if (value === SCOPE_ALL) return shardCount;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, shardCount) : 1;
}

/** The ?scope= value for a number of shards ('all' once every shard is searched, none for the default). */
export function scopeParam(shards: number, shardCount: number): string | null {
  if (shards >= shardCount) return shardCount > 1 ? SCOPE_ALL : null;
  return shards > 1 ? String(shards) : null;
}

/** The next, wider step: twice as many shards, at most all of them. */
export const widerScope = (shards: number, shardCount: number): number => Math.min(shardCount, Math.max(1, shards * 2));

export function scopeOf(all: readonly ShardInfo[], shards: number): Scope {
  const searched = all.slice(0, Math.max(1, shards));
  const sum = (list: readonly ShardInfo[]) => list.reduce((n, shard) => n + shard.stories, 0);
  return {
    shards: searched.length,
    stories: sum(searched),
    total: sum(all),
    oldest: searched.at(-1)?.oldest ?? '',
    complete: searched.length >= all.length,
  };
}

const count = (n: number): string => n.toLocaleString('zh-CN');

/**
 * "在最新的 1,000 篇稿件（最早到2024年5月）中": what a partial search covered; '' when complete.
 * Only the month: a story dated to the month alone stands on its first day in shards.json.
 */
export function scopePhrase(scope: Scope): string {
  if (scope.complete) return '';
  const month = formatChineseDate(new Date(`${scope.oldest.slice(0, 10)}T00:00:00Z`), 'month');
  return `在最新的 ${count(scope.stories)} 篇稿件（最早到${month}）中`;
}

/** The label of the button that widens the search, e.g. "再检索更早的 2,000 篇（档案共 10,000 篇）". */
export function widenLabel(all: readonly ShardInfo[], shards: number): string {
  const now = scopeOf(all, shards);
  const next = scopeOf(all, widerScope(shards, all.length));
  return `再检索更早的 ${count(next.stories - now.stories)} 篇（档案共 ${count(now.total)} 篇）`;
}
