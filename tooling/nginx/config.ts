/**
 * nginx configuration for the archive, generated from `_headers` so the two cannot drift:
 * `node tooling/nginx/write-config.ts` writes deploy/nginx/archive.conf, a test checks the shipped
 * file is what the generator makes, and the e2e and header tests run against nginx serving it.
 *
 * `_headers` applies every matching block; nginx picks one location. So each header gets a
 * `map` from the request path to its value (first matching block wins, which equals `_headers` as
 * long as no two matching blocks set the same header: the header gate checks that for
 * Cache-Control, and the header tests compare nginx's answers with `_headers` file by file).
 * Maps read `$request_uri` (the path as requested, before nginx's internal redirect to
 * index.html or the 404 page). Every header but Cache-Control is sent `always` (errors too);
 * Cache-Control only with success and redirect codes, as `add_header` does without `always`: a
 * 404 under /_astro/ is never cached as immutable.
 */
import type { HeaderRule } from '../headers/parse-headers.ts';

export interface NginxOptions {
  /** Folder served (the built dist/). */
  root: string;
  /** `listen` argument: `80`, `127.0.0.1:8080` … */
  listen: string;
  /** Load the brotli static module's directive (Debian: libnginx-mod-http-brotli-static). */
  brotli?: boolean;
}

const variable = (name: string): string => `$archive_${name.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;

/** A `_headers` pattern as an nginx regex over `$request_uri` (query string allowed after it). */
export function patternRegex(pattern: string): string {
  const body = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) =>
      part === '*'
        ? '[^?]*'
        : part.startsWith(':') && part.length > 1
          ? '[^/?]+'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return `^${body}(?:\\?.*)?$`;
}

const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `map` blocks (http context): one per header name in `_headers`. */
export function headerMaps(rules: readonly HeaderRule[]): { maps: string; addHeaders: string } {
  const names = new Map<string, string>();
  for (const rule of rules)
    for (const [name] of rule.headers) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  const maps: string[] = [];
  const adds: string[] = [];
  for (const [key, name] of names) {
    const lines = rules.flatMap((rule) =>
      rule.headers
        .filter(([n]) => n.toLowerCase() === key)
        .map(([, value]) => `    ${quote(`~${patternRegex(rule.pattern)}`)} ${quote(value)};`),
    );
    maps.push(`map $request_uri ${variable(name)} {\n    default "";\n${lines.join('\n')}\n}`);
    if (key === 'cache-control') {
      // nginx turns a Range request into 416 after add_header has run (it saw a 200), so a
      // request with Range gets no Cache-Control at all: 206s lose it, 416s never get it.
      maps.push(`map $http_range ${variable(name)}_unranged {\n    "" ${variable(name)};\n    default "";\n}`);
      adds.push(`    add_header ${name} ${variable(name)}_unranged;`);
    } else {
      adds.push(`    add_header ${name} ${variable(name)} always;`);
    }
  }
  return { maps: maps.join('\n\n'), addHeaders: adds.join('\n') };
}

/** The archive's nginx configuration: `map`s and one `server`, for the http context (conf.d/). */
export function nginxSiteConfig(rules: readonly HeaderRule[], options: NginxOptions): string {
  const { maps, addHeaders } = headerMaps(rules);
  return `# The archive on nginx. Generated from public/_headers by tooling/nginx/write-config.ts
# (npm run nginx:config): edit _headers, not this file. Include it in the http context
# (Debian: /etc/nginx/conf.d/), set root to the uploaded dist/ and listen/server_name/TLS to taste.

${maps}

# GET and HEAD only: anything else is 405 with Allow.
map $request_method $archive_allow {
    GET "";
    HEAD "";
    default "GET, HEAD";
}

server {
    listen ${options.listen};
    server_name _;
    root ${options.root};
    index index.html;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json image/svg+xml application/rss+xml;
    server_tokens off;
    # Location: /stories/x/ (relative), whatever host name or port the client used.
    absolute_redirect off;
    # A search is a link (/search/?q=…): allow request lines up to 32 KB (nginx's default is 8 KB;
    # Node's, the preview server's, 16 KB), longer ones get 414.
    large_client_header_buffers 4 32k;

    # scripts/precompress.ts leaves .gz and .br beside scripts, styles, JSON and wasm.
    gzip_static on;
    gzip_vary on;
${options.brotli ? '    brotli_static on;\n' : '    # brotli_static on;  # with libnginx-mod-http-brotli-static loaded\n'}
    # Unknown paths get the archive's 404 page; a folder without index.html is unknown too.
    error_page 404 /404.html;
    error_page 403 =404 /404.html;

    if ($archive_allow != "") {
        return 405;
    }

${addHeaders}
    add_header Allow $archive_allow always;

    # Hosts read _headers but never serve it, in any spelling.
    location ~* ^/_headers(?:[./]|$) {
        return 404;
    }

    # Files, folders with their index.html, and a folder without its slash: 301 to …/.
    location / {
    }
}
`;
}

/** A whole nginx.conf running the site as a child process under `prefix` (tests, no root paths). */
export function nginxTestConfig(
  rules: readonly HeaderRule[],
  options: NginxOptions & { prefix: string; mimeTypes: string },
): string {
  const p = options.prefix;
  return `daemon off;
master_process off;
pid ${p}/nginx.pid;
error_log ${p}/error.log warn;
events { worker_connections 256; }
http {
    include ${options.mimeTypes};
    types { application/javascript mjs; }
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${p}/client_body;
    proxy_temp_path ${p}/proxy;
    fastcgi_temp_path ${p}/fastcgi;
    uwsgi_temp_path ${p}/uwsgi;
    scgi_temp_path ${p}/scgi;
${nginxSiteConfig(rules, options).replace(/^/gm, '    ')}
}
`;
}
