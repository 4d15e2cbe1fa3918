import type { JobRecord } from './types';

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

/** A job that is waiting in `waiting_budget`, and whether a burst (rather than a cap) holds it. */
export interface HeldJob {
  readonly job: JobRecord;
  readonly burst: boolean;
}

/** One request's maximum estimate, held against the caps while it is at fal. */
export interface Reservation {
  readonly jobId: string;
  readonly batchIndex: number;
  readonly folderId: string | null;
  readonly cents: number;
  readonly reservedAt: number;
}

/** A job a burst holds, with its folder. */
export interface BurstHeldJob {
  readonly jobId: string;
  readonly folderId: string | null;
}

/** Breakdowns of the charges of a range, for the Spend page. Every figure is a sum of ledger rows. */
export interface LedgerBreakdown {
  /** Output images charged for. */
  readonly outputs: number;
  readonly byDay: Array<{ day: string; cents: number }>;
  /** With the profile's newest name in the ledger. */
  readonly byProfile: Array<{ profileId: string; name: string; cents: number }>;
  /** With the folder path the ledger copied in (the caller may prefer the folder's current path). */
  readonly byFolder: Array<{ folderId: string | null; folderPath: string | null; cents: number }>;
  readonly mostExpensive: Array<{ jobId: string; sourceName: string; cents: number; at: number }>;
}
