/**
 * The layering npm run check holds the code to (dependency-cruiser). dependency-cruiser does not
 * read .astro files: their imports are checked by the Astro build and reviewed by eye.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: modules that need each other are one module, or one half belongs elsewhere.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-ships-alone',
      comment: 'src/ holds only what ships: it never imports the tooling, the Node commands or the tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tooling|scripts|tests)/' },
    },
    {
      name: 'tests-depend-on-tooling-not-back',
      comment:
        'tooling/ is what tests and scripts share; the Node commands and the tooling never import a test or its support files.',
      severity: 'error',
      from: { path: '^(tooling|scripts)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'unit-tests-not-bench',
      comment:
        'tests/unit/ tests src/: a unit test does not depend on the benchmark code in scripts/ (shared helpers live in tooling/).',
      severity: 'error',
      from: { path: '^tests/unit/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'search-client-not-build',
      comment:
        'The search page runs in the browser: it shares src/search/core/ with the indexer, never the indexer itself.',
      severity: 'error',
      from: { path: '^src/search/client/' },
      to: { path: '^src/search/build/' },
    },
    {
      name: 'search-build-not-client',
      comment: 'The indexer shares src/search/core/ with the search page, never the browser code itself.',
      severity: 'error',
      from: { path: '^src/search/build/' },
      to: { path: '^src/search/client/' },
    },
    {
      name: 'pagefind-behind-adapters',
      comment:
        'Pagefind is used through one adapter a side (src/search/build/pagefind.ts, src/search/client/pagefind.ts), so replacing it touches two files.',
      severity: 'error',
      from: { pathNot: '^src/search/(build|client)/pagefind[.]ts$' },
      to: { path: '^node_modules/pagefind/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency (astro: modules are virtual).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^(dist|dist[.]staging|dist[.]previous|public)/|(^|/)[.]astro/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
