/** Names and interface text shown across the archive. */
export const ARCHIVE_NAME = '科学导报新闻档案';
export const ARCHIVE_DESCRIPTION = '山西《科学导报》新闻稿件的只读档案：按栏目、地区浏览，全文检索，逐篇引用。';
export const NEWSPAPER_NAME = '科学导报';
/** The port `npm run preview` (and so `npm start`) serves on unless told otherwise (tooling/server/serve.ts). */
export const PREVIEW_PORT = 4321;

/**
 * The address used when SITE_URL is not set (astro.config.mjs; tests treat its links as internal):
 * where `npm start` serves the build, so every printed address, QR code and copied link of a build
 * made without SITE_URL works where it is served. Publishing sets SITE_URL to the public address.
 */
export const DEFAULT_SITE_URL = `http://localhost:${PREVIEW_PORT}`;
