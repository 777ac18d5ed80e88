// Which folder may import which (README: "How the code is laid out"). Dependencies point one way:
// common ← ports (main/ports: the core's ports) ← api (dispatch, event bus) and platform ← core ← front doors
// (web-host, electron, cli, launch, main/index.ts); renderer ← common.
const FRONT_DOORS = '^main/(web-host|electron|cli|launch)/|^main/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'common-is-the-bottom',
      comment: 'common/ is the contract every side shares: it imports nothing of main/, renderer/ or the tools.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(main|renderer|scripts|test|bin)/' },
    },
    {
      name: 'renderer-only-on-common',
      comment: 'The renderer reaches the core only through its one client and the contract in common/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|scripts|test|bin)/' },
    },
    {
      name: 'platform-only-on-ports',
      comment: 'platform/ implements the ports of main/ports/ and imports nothing of the core or the front doors.',
      severity: 'error',
      from: { path: '^main/platform/' },
      to: { path: '^main/', pathNot: '^main/(platform|ports)/' },
    },
    {
      name: 'ports-are-the-bottom-of-main',
      comment:
        'The ports are interfaces (and two trivial values) the core and platform/ share: they import no main/ code.',
      severity: 'error',
      from: { path: '^main/ports/' },
      to: { path: '^main/', pathNot: '^main/ports/' },
    },
    {
      name: 'core-below-front-doors',
      comment: 'The core is driven by the front doors; it never imports them.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: FRONT_DOORS },
    },
    {
      name: 'api-only-on-common',
      comment:
        'dispatch and the event bus serve the core and every front door alike: they import only common/ (and ports).',
      severity: 'error',
      from: { path: '^main/api/' },
      to: { path: '^main/', pathNot: '^main/(api|ports)/' },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two folders that import each other (directly or round a loop) cannot be understood or moved alone.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      comment: 'A file that imports itself round a loop is loaded half-initialised by one of its importers.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|release|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
