// The layer map, checked on resolved paths by `npm run lint` (see the README's "Layers" section):
//   domain   -> nothing (no node:, no npm package, no other folder)
//   shared   -> domain, zod
//   engine   -> domain, shared (never electron, nor electron-store, which imports it)
//   renderer -> shared, domain (never Node built-ins)
//   main     -> engine, shared, domain, electron (never server)
//   server   -> engine, shared, domain (never main, never electron)
//   preload  -> shared, domain, electron
// and no import cycles anywhere. Type-only imports count: a layer that needs another's types depends on it.

/** A path under electron/ (or renderer/src) as a regular expression. */
const layer = (name) => (name === 'renderer' ? '^renderer/' : `^electron/${name}/`);
// electron-store imports electron, so it is held to the same rule (only the desktop host loads it).
const ELECTRON_PACKAGE = '^node_modules/electron(-store)?/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules importing each other, directly or through others, load in an order nobody chose.',
      severity: 'error',
      from: { path: '^(electron|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing',
      comment: 'electron/domain is the shared vocabulary: plain TypeScript, loadable anywhere (Node, the page, tests).',
      severity: 'error',
      from: { path: layer('domain') },
      to: { pathNot: layer('domain') },
    },
    {
      name: 'shared-imports-only-domain',
      comment: 'The API contract (electron/shared) depends on the domain and zod only, never on an implementation.',
      severity: 'error',
      from: { path: layer('shared') },
      to: { pathNot: [layer('shared'), layer('domain'), '^node_modules/zod/'] },
    },
    {
      name: 'engine-imports-domain-and-shared',
      comment: 'The engine runs in plain Node (CLI, serve, tests): never electron, never a host or the page.',
      severity: 'error',
      from: { path: layer('engine') },
      to: { path: [layer('main'), layer('server'), layer('preload'), layer('renderer'), ELECTRON_PACKAGE] },
    },
    {
      name: 'renderer-imports-shared-and-domain',
      comment: 'The page talks to the host through the API contract only, and has no Node built-ins.',
      severity: 'error',
      from: { path: layer('renderer') },
      to: { path: [layer('engine'), layer('main'), layer('server'), layer('preload'), ELECTRON_PACKAGE] },
    },
    {
      name: 'renderer-without-node',
      severity: 'error',
      from: { path: layer('renderer') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'main-never-server',
      comment: 'The two hosts share the engine, the contract and the domain, never each other.',
      severity: 'error',
      from: { path: layer('main') },
      to: { path: [layer('server'), layer('preload'), layer('renderer')] },
    },
    {
      name: 'server-never-main',
      comment: 'The headless host runs where Electron cannot: never electron, never the desktop host.',
      severity: 'error',
      from: { path: layer('server') },
      to: { path: [layer('main'), layer('preload'), layer('renderer'), ELECTRON_PACKAGE] },
    },
    {
      name: 'preload-imports-shared-and-domain',
      comment: 'The sandboxed preload bridges the page to the host with the contract only.',
      severity: 'error',
      from: { path: layer('preload') },
      to: { path: [layer('engine'), layer('main'), layer('server'), layer('renderer')] },
    },
    {
      name: 'app-never-imports-tests',
      comment: 'Test support, benchmarks and scripts may use the app; the app never uses them.',
      severity: 'error',
      from: { path: '^(electron|renderer)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (a layer that needs another's types depends on it).
    tsPreCompilationDeps: true,
    // Only for reading .tsx and resolving: both tsconfigs resolve alike (Bundler resolution, no path aliases).
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
