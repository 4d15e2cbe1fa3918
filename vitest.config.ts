import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // electron-store imports `electron`: inlined, so a test's vi.mock('electron') reaches that import too.
    server: { deps: { inline: ['electron-store'] } },
    // Type tests (`expectTypeOf`): typechecked, never run, as part of every `vitest run`.
    typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
  },
});
