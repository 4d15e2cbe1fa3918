import { config } from 'zod';

// zod compiles object schemas with `new Function` when it may, and finds out by trying once as the first object
// schema is built. The page's CSP forbids eval, so that probe is refused and reported as a CSP violation (twice at
// start-up, for the shared error and transport schemas), which also costs a stack capture. Jitless skips the probe;
// the interpreted checks are what zod falls back to under this CSP anyway. A plain `config` call, not `z.config`,
// which the build marks pure (see electron.vite.config.ts) and would drop.
config({ jitless: true });
