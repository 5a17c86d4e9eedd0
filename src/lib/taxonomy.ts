/** Sections and formats of the archive, with the Chinese labels readers see. */

/** Section keys in the order the navigation shows them; the key is also the URL segment. */
export const SECTIONS = ['development-zone', 'project', 'meeting'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  'development-zone': '开发区',
  project: '项目',
  meeting: '会议',
};

export const FORMATS = ['article', 'photo'] as const;

/** Roles of the people and bodies credited on a story or a photo. */
export const CREDIT_ROLES = ['reporter', 'photographer', 'supplied'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** What the role is called in a byline (文 / 摄 / 供图). */
export const CREDIT_ROLE_LABELS: Record<CreditRole, string> = {
  reporter: '文',
  photographer: '摄',
  supplied: '供图',
};
