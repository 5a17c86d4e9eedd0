/** citation-js ships no types: the part the tests use, parsing RIS, BibTeX or CSL-JSON into CSL-JSON items. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** At least one item for the inputs the tests give (citation-js throws on input it cannot read). */
    data: [Record<string, any>, ...Record<string, any>[]];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
