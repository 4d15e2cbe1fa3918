import type { StoreRepositories } from '../jobStore';
import { PgBurstHoldRepository } from './pgBurstHoldRepository';
import type { PgContext } from './pgContext';
import { PgEventLog } from './pgEventLog';
import { PgJobHistory } from './pgJobHistory';
import { PgJobQueue } from './pgJobQueue';
import { PgJobRepository } from './pgJobRepository';
import { PgLedgerRepository } from './pgLedgerRepository';
import { PgOutputNameRepository } from './pgOutputNameRepository';
import { PgOutputRepository } from './pgOutputRepository';
import { PgOutputVariantRepository } from './pgOutputVariantRepository';
import { PgOutputVersionRepository } from './pgOutputVersionRepository';
import { PgRequestRepository } from './pgRequestRepository';
import { PgReservationRepository } from './pgReservationRepository';
import { PgReviewRepository } from './pgReviewRepository';
import { PgTeamPresetRepository } from './pgTeamPresetRepository';
import { PgSeenFileRepository } from './pgSeenFileRepository';
import { PgSourceMarksRepository } from './pgSourceMarksRepository';
import { PgSubmitRepository } from './pgSubmitRepository';

/** The PostgreSQL repositories of one unit of work, all on its connection. */
export function pgRepositories(ctx: PgContext): StoreRepositories {
  return {
    jobs: new PgJobRepository(ctx),
    requests: new PgRequestRepository(ctx),
    submits: new PgSubmitRepository(ctx),
    outputs: new PgOutputRepository(ctx),
    queue: new PgJobQueue(ctx),
    history: new PgJobHistory(ctx),
    events: new PgEventLog(ctx),
    seenFiles: new PgSeenFileRepository(ctx),
    ledger: new PgLedgerRepository(ctx),
    reservations: new PgReservationRepository(ctx),
    presets: new PgTeamPresetRepository(ctx),
    bursts: new PgBurstHoldRepository(ctx),
    marks: new PgSourceMarksRepository(ctx),
    versions: new PgOutputVersionRepository(ctx),
    reviews: new PgReviewRepository(ctx),
    variants: new PgOutputVariantRepository(ctx),
    names: new PgOutputNameRepository(ctx),
  };
}

/**
 * The repositories with every method call routed through `call(repositoryName, method, args)`: the store runs each
 * in its own unit of work, a transaction handle in a savepoint of its unit. The methods are the classes' own, so a
 * handle has exactly the interface's methods.
 */
export function routedRepositories(call: (repository: keyof StoreRepositories, method: string, args: unknown[]) => Promise<unknown>): StoreRepositories {
  const handle: Record<string, Record<string, unknown>> = {};
  for (const [name, repository] of Object.entries(pgRepositories({} as PgContext))) {
    const routed: Record<string, unknown> = {};
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(repository))) {
      if (method === 'constructor' || typeof Reflect.get(repository, method) !== 'function') continue;
      routed[method] = (...args: unknown[]) => call(name as keyof StoreRepositories, method, args);
    }
    handle[name] = routed;
  }
  return handle as unknown as StoreRepositories;
}
