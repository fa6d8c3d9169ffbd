// The module boundaries of Gongdan, checked by dependency-cruiser on every `npm test`
// (packages/server/src/boundaries.test.ts runs it and fails naming each offending import).
// Paths are relative to the repository root. The rules name no module: they hold for every folder
// under packages/server/src/modules, including the ones to come.
//
// Type-only imports count: a type from another module's internals is as much a deep import as a value.
// Tests: the colocated pure tests (src/**/*.test.ts) are held to the same rules as the code beside them
// (a module's test may use its own internals, another module's only through its index.ts); the
// integration tests in packages/server/test are not cruised — they exercise module internals on purpose.

const SRC = '^packages/server/src/';
const MODULES = `${SRC}modules/`;
/** app.ts, main.ts, the command line and the demo loader: they assemble the modules. */
const COMPOSITION_ROOT = `${SRC}(app\\.ts$|main\\.ts$|cli/|demo/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the files reach each other back. Cut it by moving what both need into one of them, or by passing a function in.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: "A module reaches another only through that module's index.ts (its public surface).",
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: `${MODULES}[^/]+/`, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'no-repository-in-index',
      severity: 'error',
      comment: "A module's index.ts exports no repository: other modules reach its tables through its use cases and read functions (a row type may be exported).",
      from: { path: `${MODULES}[^/]+/index\\.ts$` },
      to: { path: '-repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'composition-root-through-index',
      severity: 'error',
      comment:
        "app.ts, main.ts, cli/ and demo/ assemble the modules from their index.ts, never their internals; " +
        "besides, app.ts mounts a module's HTTP routes from its top-level routes.ts / *-routes.ts (transport " +
        "sits above every module's surface: a routes file exported from index.ts would make the modules' " +
        "surfaces depend on each other's routes, in cycles).",
      from: { path: COMPOSITION_ROOT },
      to: { path: `${MODULES}[^/]+/`, pathNot: `${MODULES}[^/]+/(index|routes|[a-z-]+-routes)\\.ts$` },
    },
    {
      name: 'platform-no-modules',
      severity: 'error',
      comment: 'platform/ is shared infrastructure: it imports only platform/ and packages, never a feature module or the composition root (a module it needs is a port passed in through Deps).',
      from: { path: `${SRC}platform/` },
      to: { path: SRC, pathNot: `${SRC}platform/` },
    },
    {
      name: 'modules-no-composition-root',
      severity: 'error',
      comment: 'Modules do not import what assembles them (app.ts, main.ts, cli/, demo/).',
      from: { path: MODULES },
      to: { path: COMPOSITION_ROOT },
    },
    {
      name: 'web-no-server',
      severity: 'error',
      comment: "The web console (src and its browser tests) talks to the server only over HTTP; e2e starts the server as a process. Only a web unit test may read the server's sources, as a contract check (i18n/error-codes.test.ts: every error code the server can send has words in both languages).",
      from: { path: '^packages/web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'server-no-web',
      severity: 'error',
      comment: 'The server serves the built console from disk; it imports none of its sources.',
      from: { path: '^packages/server/' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is one it cannot check.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    // the server and the web resolve as TypeScript's "Bundler" resolution does: extensionless imports
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
