/** Bylines and photo credits, written the way the page prints them. */
import { CREDIT_ROLE_LABELS, type CreditRole } from './taxonomy.ts';

export interface Credit {
  name: string;
  role: CreditRole;
}

/** A photo credit as printed after a caption: 王瑞瑞摄, 长治高新区供图. */
export function formatPhotoCredit(credit: Credit): string {
  return `${credit.name}${CREDIT_ROLE_LABELS[credit.role]}`;
}

/** A caption with its credit as the page prints it: `caption ■ credit`. */
export function formatCaption(caption: string, credit?: Credit): string {
  return credit ? `${caption} ■ ${formatPhotoCredit(credit)}` : caption;
}

/** Names grouped by role in first-seen order, e.g. [{ role: 'reporter', names: ['袁兆辉', '张小菊'] }]. */
export function groupByRole(credits: readonly Credit[]): { role: CreditRole; label: string; names: string[] }[] {
  const groups = new Map<CreditRole, string[]>();
  for (const { name, role } of credits) {
    groups.set(role, [...(groups.get(role) ?? []), name]);
  }
  return [...groups].map(([role, names]) => ({ role, label: CREDIT_ROLE_LABELS[role], names }));
}

/**
 * Who a story is by: its bylines, or for photo news without a byline the credits printed under
 * its photos (the photographer is then the only author the page names).
 */
export function storyAuthors(story: {
  bylines: readonly Credit[];
  format: string;
  figures: readonly { credit?: Credit | undefined }[];
}): Credit[] {
  if (story.bylines.length > 0 || story.format !== 'photo') return [...story.bylines];
  return story.figures.flatMap((figure) => (figure.credit ? [figure.credit] : []));
}

/** A person is credited for writing or photographing; a body (长治高新区供图) for supplying. */
export const isPerson = (credit: Credit): boolean => credit.role !== 'supplied';
