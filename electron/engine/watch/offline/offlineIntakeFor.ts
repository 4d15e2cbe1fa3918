import { join } from 'node:path';
import type { JobStore } from '../../store';
import { PostgresJobStore } from '../../store/postgres/pgJobStore';
import { StoreUnreachableError, withoutWaiting } from '../../store/postgres/storeUnreachable';
import { KeptFiles } from './keptFiles';
import { OfflineIntake } from './offlineIntake';

/** The file in an instance's data folder holding the files found while its team database did not answer. */
export const KEPT_FILES_NAME = 'team-kept-files.jsonl';

/** Offline intake for a team's PostgreSQL store (kept in `dataDir`); undefined for SQLite, which always answers. */
export function offlineIntakeFor(store: JobStore, dataDir: string): OfflineIntake | undefined {
  if (!(store instanceof PostgresJobStore)) return undefined;
  return new OfflineIntake(
    {
      reachable: () => store.connectionState.reachable,
      onReturn: (listener) => store.onConnection((connection) => connection.reachable && listener()),
      withoutWaiting,
      isUnanswered: (error) => error instanceof StoreUnreachableError,
    },
    new KeptFiles(join(dataDir, KEPT_FILES_NAME)),
  );
}

/**
 * Tells `news` each time a team's database stops or starts answering, in words for the person (the Queue page's
 * notices, the `watch` command's output); nothing for SQLite. Returns the function that stops it.
 */
export function onTeamDatabaseNews(store: JobStore, keptFiles: () => number, news: (message: string) => void): () => void {
  if (!(store instanceof PostgresJobStore)) return () => undefined;
  return store.onConnection((connection) => {
    if (!connection.reachable) news('The team database is not answering: new files are kept here and admitted when it returns.');
    else news(`The team database answers again: ${keptFiles()} kept file(s) are being admitted.`);
  });
}
