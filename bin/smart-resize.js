#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources through tsx, so `npx smart-resize` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
