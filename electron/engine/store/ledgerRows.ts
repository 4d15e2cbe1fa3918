import type { LedgerEntry, LedgerKind } from './spendTypes';

/** A row of spend_ledger as both dialects return it. */
export interface LedgerRowRecord {
  id: number;
  at: number;
  kind: LedgerKind;
  cents: number;
  job_id: string;
  request_row_id: number | null;
  request_id: string | null;
  source_name: string;
  profile_id: string;
  profile_version: number;
  profile_name: string;
  folder_id: string | null;
  folder_path: string | null;
  images: number;
  tiers: string;
}

/** The entry of one spend_ledger row, the same in both dialects. */
export function toLedgerEntry(row: LedgerRowRecord): LedgerEntry {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    cents: row.cents,
    jobId: row.job_id,
    requestRowId: row.request_row_id,
    requestId: row.request_id,
    sourceName: row.source_name,
    profileId: row.profile_id,
    profileVersion: row.profile_version,
    profileName: row.profile_name,
    folderId: row.folder_id,
    folderPath: row.folder_path,
    images: row.images,
    tiers: row.tiers,
  };
}
