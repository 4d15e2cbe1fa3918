import { freshDatabase } from '../postgres/freshDatabase';
import { startTeamRun, TEAM_PRICE_CENTS, TEAM_RESERVED_CENTS, type TeamRun } from './teamRun';

/** The three instances of the team cap tests, by index. */
export const CAP_TEAM_INSTANCES: readonly string[] = ['studio-a', 'studio-b', 'studio-c'];

/**
 * Three watch processes on a fresh database under one team cap that admits all but `held` of `images` (a cap each
 * instance kept on its own would let all of them through; one held by the team stops exactly there): room for the
 * admitted images' charges, the last one's as the full reservation its claim makes. Short leases, so a killed
 * instance's claims are taken over in seconds. `admittedCents`: what the ledger holds once they are made.
 */
export async function startTeamAtCap(pgUrl: string, images: number, held: number): Promise<{ team: TeamRun; capCents: number; admittedCents: number }> {
  const admittedCents = (images - held) * TEAM_PRICE_CENTS;
  const capCents = admittedCents - TEAM_PRICE_CENTS + TEAM_RESERVED_CENTS;
  const team = await startTeamRun({
    url: await freshDatabase(pgUrl),
    instances: CAP_TEAM_INSTANCES,
    images,
    settings: { settleMs: 200, concurrency: 4, dailyCapCents: capCents },
    leaseMs: 1500,
  });
  return { team, capCents, admittedCents };
}
