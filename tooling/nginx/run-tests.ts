/**
 * `npm run test:nginx`: the end-to-end and header tests again, against nginx serving dist/ with
 * the configuration generated from _headers. Without nginx: fails in CI (CI=true), skips with the
 * reason elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { findNginx } from './start.ts';

export const NGINX_TESTS = ['tests/e2e/*.test.ts', 'tests/gates/headers.test.ts'];

if (!findNginx()) {
  const reason = 'nginx is not installed (Debian: apt-get install nginx; or set NGINX_PATH)';
  if (process.env.CI === 'true') {
    console.error(`test:nginx: ${reason}`);
    process.exit(1);
  }
  console.log(`# test:nginx skipped: ${reason}`);
  process.exit(0);
}
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...NGINX_TESTS], {
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_SERVER: 'nginx' },
});
process.exit(run.status ?? 1);
