import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRow } from '../../../electron/shared';
import type { FakeFal } from '../fakeFal';
import { coveringPreset } from '../fakeFal/presets';
import { validateSmartResizeInput } from '../fakeFal/validateInput';
import { writeTestJpeg } from '../engine/testImages';
import type { AppServer } from './appServer';

// fal's price list (/work/shared/FAL.md), written out here on purpose: the sums below must not reuse the app's
// pricing code, or a wrong price would agree with itself.
const VISION_FEE_CENTS = 5;
const OUTPUT_CENTS = 15;
const OUTPUT_4K_CENTS = 30;

/** What fal charged per request, priced from what the fake itself rendered: the tier of each target it covered. */
export function falChargesFromFake(fake: FakeFal): Array<{ requestId: string; cents: number; tiers: string[] }> {
  return fake
    .jobs()
    .filter((job) => job.state === 'COMPLETED' && !job.cancelled && job.resultStatus === 200)
    .map((job) => {
      const { input } = validateSmartResizeInput(job.input);
      if (!input) throw new Error(`fake fal completed request ${job.requestId} with an invalid input`);
      const tiers = input.target_sizes.map(({ width, height }) => coveringPreset(width, height, input.resolution)!.tier);
      const perImage = tiers.reduce((sum, tier) => sum + (tier === '4K' ? OUTPUT_4K_CENTS : OUTPUT_CENTS), 0);
      return { requestId: job.requestId, cents: VISION_FEE_CENTS + input.num_images_per_size * perImage, tiers };
    });
}

/** Every ledger row the server holds, newest first, read page by page through spend.ledger. */
export async function allLedgerRows(app: AppServer): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.call('spend.ledger', { limit: 2, ...(cursor && { cursor }) });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Sums cents by a key, as an object for readable equality failures. */
export function sumBy<T extends { cents: number }>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) sums[key(row)] = (sums[key(row)] ?? 0) + row.cents;
  return sums;
}

/**
 * Puts distinct generated JPEGs into a folder, each written beside it first and renamed in, so the watcher sees
 * whole files at once (as a burst from a camera or a sync client would arrive). Answers the file names.
 */
export async function landImages(app: AppServer, folder: string, seeds: readonly number[], prefix = 'shot'): Promise<string[]> {
  const staging = join(app.root, 'staging');
  mkdirSync(staging, { recursive: true });
  const names: string[] = [];
  for (const seed of seeds) {
    const name = `${prefix}-${seed}.jpg`;
    await writeTestJpeg(join(staging, name), seed);
    names.push(name);
  }
  for (const name of names) renameSync(join(staging, name), join(folder, name));
  return names;
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (quoted || (char !== ',' && char !== '\n' && char !== '\r')) cell += char;
    else if (char === ',') endCell();
    else if (char === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
