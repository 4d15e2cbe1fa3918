import { configDefaults, defineConfig } from 'vitest/config';
import { existsSync, readdirSync } from 'node:fs';

/** The repository tests that run against both stores: SQLite in the default project, PostgreSQL in `postgres`. */
const STORE_CONTRACT_TESTS = ['tests/unit/store/**/*.test.ts', 'tests/unit/spend/**/*.test.ts'];
/** Tests of team mode itself (several instances on one database): PostgreSQL only. */
const TEAM_TESTS = ['tests/integration/team/**/*.test.ts'];

// The one accepted reason to skip the PostgreSQL project: the server is not installed (`.ci/run` installs it).
// The tests start their own cluster with these binaries (tests/support/postgres/pgCluster.ts).
const PG_ROOT = '/usr/lib/postgresql';
const pgInstalled = existsSync(PG_ROOT) && readdirSync(PG_ROOT).some((version) => existsSync(`${PG_ROOT}/${version}/bin/initdb`));
const pgSkipped = !pgInstalled;
if (pgSkipped) console.warn('PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL store and team tests are skipped.');

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // electron-store imports `electron`: inlined, so a test's vi.mock('electron') reaches that import too.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'electron/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...TEAM_TESTS],
          // Type tests (`expectTypeOf`): typechecked, never run, as part of every `vitest run`.
          typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
        },
      },
      ...(pgSkipped
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: [...STORE_CONTRACT_TESTS, ...TEAM_TESTS],
                // Tests that are about SQLite itself (its file, pragmas, one connection) stay SQLite-only.
                exclude: ['tests/unit/store/database.test.ts', 'tests/unit/store/durability.test.ts', 'tests/unit/store/skippedDuplicatesMigration.test.ts'],
                env: { SMART_RESIZE_TEST_STORE: 'postgres' },
                globalSetup: ['tests/support/postgres/pgGlobalSetup.ts'],
              },
            },
          ]),
    ],
  },
});
