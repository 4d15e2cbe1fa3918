/** The kinds of ledger rows: only `charge` is spend; the others are shown apart. */
export type LedgerKind = 'charge' | 'may_be_billed' | 'saving';

/** What is written for one priced event; money in integer US cents. */
export interface NewLedgerEntry {
  readonly kind: LedgerKind;
  readonly cents: number;
  readonly jobId: string;
  /** The `job_requests` row and fal's id; null for savings (no request was sent). */
  readonly requestRowId: number | null;
  readonly requestId: string | null;
  readonly sourceName: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly profileName: string;
  readonly folderId: string | null;
  readonly folderPath: string | null;
  /** Output images the row covers, and their tiers ("2x1K, 1x4K"). */
  readonly images: number;
  readonly tiers: string;
}

/** A stored ledger row. */
export interface LedgerEntry extends NewLedgerEntry {
  readonly id: number;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** A time range in epoch milliseconds: `since` inclusive, `until` exclusive; absent ends are open. */
export interface SpendRange {
  readonly since?: number;
  readonly until?: number;
}

/** "2x1K, 1x4K" from per-image tiers, in 1K, 2K, 4K order; "" when there are none. */
export function formatTiers(tiers: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const tier of tiers) counts.set(tier, (counts.get(tier) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([tier, count]) => `${count}x${tier}`)
    .join(', ');
}
