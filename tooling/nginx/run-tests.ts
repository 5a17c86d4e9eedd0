/**
 * `npm run test:nginx`: the end-to-end and header tests again, against nginx serving dist/ with
 * the configuration generated from _headers. Without nginx: fails in CI (CI=true), skips with the
 * reason elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { findNginx } from './start.ts';

/** Test files at once (Chromium keeps both cores of a CI machine busy: more would not help). */
const TEST_CONCURRENCY = 2;

/**
 * What depends on the server: status codes, redirects, the 404 page, Range, methods, headers,
 * compression, every file a search fetches, the feeds as a browser opens them. What reads the
 * same files whichever server sends them (reading, reader tools, indexes, about, source page,
 * verbatim text, story links and metadata, feed contents, hostile queries, search exactness over
 * many queries) runs once, in test:all: that keeps CI under its 15 minutes. The long search URL
 * that nginx once refused (414) is a probe in server.test.
 */
export const NGINX_TESTS = [
  'tests/e2e/server.test.ts',
  'tests/e2e/browse.test.ts',
  'tests/e2e/search.test.ts',
  'tests/e2e/search-fields.test.ts',
  'tests/e2e/feed-view.test.ts',
  'tests/gates/headers.test.ts',
];

if (!findNginx()) {
  const reason = 'nginx is not installed (Debian: apt-get install nginx; or set NGINX_PATH)';
  if (process.env.CI === 'true') {
    console.error(`test:nginx: ${reason}`);
    process.exit(1);
  }
  console.log(`# test:nginx skipped: ${reason}`);
  process.exit(0);
}
const run = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', `--test-concurrency=${TEST_CONCURRENCY}`, ...NGINX_TESTS],
  {
    stdio: 'inherit',
    env: { ...process.env, ARCHIVE_SERVER: 'nginx' },
  },
);
process.exit(run.status ?? 1);
