/**
 * What of a story the archive derived (its date's basis, its year's, a headline taken from a
 * caption), as a result file carries it: a few letters, so the search page marks a result as the
 * listings mark the story (src/components/StoryMeta.astro, StoryCard.astro) without each of the
 * result files holding the marks' sentences (tests/unit/search-derived.test.ts).
 */
import type { DateBasis, DateDerivation, YearBasis } from '../../lib/dates.ts';

/** What a story's frontmatter says it derived. */
export interface Derived extends DateDerivation {
  headlineDerived: boolean;
}

/** One letter a derived value; a value the page prints has none. */
const MONTH_DAY_FROM_PAGE = 'm';
const YEAR: Record<YearBasis, string> = { printed: '', text: 't', page: 'y' };
const HEADLINE = 'h';

/** The letters of what `story` derived, or undefined when the page prints all of it (the field is then left out). */
export function derivedCode({ dateBasis, yearBasis, headlineDerived }: Derived): string | undefined {
  const code = `${dateBasis === 'page' ? MONTH_DAY_FROM_PAGE : ''}${YEAR[yearBasis]}${headlineDerived ? HEADLINE : ''}`;
  return code || undefined;
}

/** What a result file's code says was derived (no code: nothing). */
export function readDerived(code = ''): Derived {
  const dateBasis: DateBasis = code.includes(MONTH_DAY_FROM_PAGE) ? 'page' : 'dateline';
  const yearBasis: YearBasis = code.includes(YEAR.text) ? 'text' : code.includes(YEAR.page) ? 'page' : 'printed';
  return { dateBasis, yearBasis, headlineDerived: code.includes(HEADLINE) };
}
