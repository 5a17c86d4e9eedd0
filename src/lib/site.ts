/** Names and interface text shown across the archive. */
export const ARCHIVE_NAME = '科学导报新闻档案';
export const ARCHIVE_DESCRIPTION = '山西《科学导报》新闻稿件的只读档案：按栏目、地区浏览，全文检索，逐篇引用。';
export const NEWSPAPER_NAME = '科学导报';
/** Public address used when SITE_URL is not set (astro.config.mjs; tests treat its links as internal). */
export const DEFAULT_SITE_URL = 'https://archive.kexuedaobao.example';
