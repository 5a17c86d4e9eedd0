/** Writes deploy/nginx/archive.conf from public/_headers (`npm run nginx:config`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHeaders } from '../headers/parse-headers.ts';
import { nginxSiteConfig } from './config.ts';

export const SHIPPED_CONFIG = 'deploy/nginx/archive.conf';

/** The shipped configuration as the generator makes it from public/_headers. */
export function shippedConfig(): string {
  return nginxSiteConfig(parseHeaders(readFileSync('public/_headers', 'utf8')), {
    root: '/srv/archive/dist',
    listen: '80',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SHIPPED_CONFIG, shippedConfig());
  console.log(`wrote ${SHIPPED_CONFIG}`);
}
