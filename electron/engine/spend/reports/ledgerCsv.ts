import type { LedgerEntry } from '../../store';

const COLUMNS = [
  'id', 'at', 'kind', 'cents', 'usd', 'job_id', 'source_name', 'request_id', 'profile_id', 'profile_version',
  'profile_name', 'folder_id', 'folder_path', 'images', 'tiers',
] as const;

/**
 * The ledger as CSV (RFC 4180, CRLF line ends): a header, then one line per row, oldest first. `cents` is exact;
 * `usd` is the same amount written with two decimals from the integer. Only `charge` rows are spend: a sum of
 * `cents` over them equals the summary's total. Text that a spreadsheet would run as a formula is prefixed with `'`.
 */
export function ledgerToCsv(rows: readonly LedgerEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const values: Array<string | number | null> = [
      row.id, new Date(row.at).toISOString(), row.kind, row.cents, usd(row.cents), row.jobId, row.sourceName, row.requestId,
      row.profileId, row.profileVersion, row.profileName, row.folderId, row.folderPath, row.images, row.tiers,
    ];
    lines.push(values.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function usd(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
