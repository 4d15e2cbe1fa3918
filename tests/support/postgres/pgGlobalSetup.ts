import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pgCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the run's throw-away PostgreSQL cluster. */
    pgUrl: string;
  }
}

/**
 * vitest global setup of the `postgres` project (present only where PostgreSQL is installed, see vitest.config.ts):
 * one throw-away cluster for the whole run, each test file's stores in schemas of their own, removed at the end.
 */
export default function setup(project: TestProject): () => void {
  const cluster = startPgCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.remove();
}
