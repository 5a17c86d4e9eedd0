/**
 * The reader's display choices, kept in localStorage and mirrored as attributes on <html>:
 * public/reader-prefs.js applies them before first paint, src/browser/reader-tools.ts changes them,
 * and global.css styles them. No stored value (or storage blocked: the scripts catch that) means the
 * default: follow the system, medium size. tests/unit/reader-prefs.test.ts keeps the head script in step.
 */
export const THEME = {
  key: 'theme',
  attribute: 'data-theme',
  choices: ['light', 'dark', 'system'],
  fallback: 'system',
} as const;
export const TEXT_SIZE = {
  key: 'text-size',
  attribute: 'data-text-size',
  choices: ['large', 'medium', 'small'],
  fallback: 'medium',
} as const;

export type Pref = typeof THEME | typeof TEXT_SIZE;
export type ThemeChoice = (typeof THEME.choices)[number];
export type TextSizeChoice = (typeof TEXT_SIZE.choices)[number];

/** Button labels, in the order shown. */
export const THEME_LABELS: Record<ThemeChoice, string> = { light: '浅色', dark: '深色', system: '跟随系统' };
export const TEXT_SIZE_LABELS: Record<TextSizeChoice, string> = { large: '大', medium: '中', small: '小' };

/** A stored value read back: anything unknown (or nothing) is the default. */
export function parseChoice<P extends Pref>(pref: P, stored: string | null): P['choices'][number] {
  return (pref.choices as readonly string[]).includes(stored ?? '') ? (stored as P['choices'][number]) : pref.fallback;
}
