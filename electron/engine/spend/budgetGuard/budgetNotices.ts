import type { CapHold } from './capCheck';

/** Tells the person about held work (the engine turns it into a `notice` event). */
export type NoticeSink = (kind: 'burst' | 'budget', message: string, folderId?: string) => void;

/**
 * One notice per cap reached, not one per held job: the first hold of a cap says so, later holds of the same cap
 * stay quiet until held work was released (then a new hold is news again).
 */
export class BudgetNotices {
  private lastCap: string | undefined;

  constructor(private readonly notify: NoticeSink) {}

  /** A cap held a job. */
  capHeld(hold: CapHold, folderId: string | null): void {
    // The reason's amounts change with every hold; the cap does not.
    if (hold.label === this.lastCap) return;
    this.lastCap = hold.label;
    this.notify('budget', `${hold.reason}. New fal work waits until the cap is raised or the period rolls over.`, folderId ?? undefined);
  }

  /** A folder started a burst: `held` files wait for the go-ahead. */
  burstStarted(folderPath: string, held: number, folderId: string): void {
    this.notify('burst', `${folderPath} received a burst of files: ${held} are held until you let them go ahead.`, folderId);
  }

  /** Held work went back in line: the next cap hold is worth a notice again. */
  released(): void {
    this.lastCap = undefined;
  }
}
