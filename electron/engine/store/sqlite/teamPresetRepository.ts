import type { NewTeamPreset, TeamPreset, TeamPresetKind } from '../jobRepositories';
import { allRows, getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

type PresetRow = { seq: number; kind: TeamPresetKind; preset_id: string; version: number; body: string; removed: number; saved_by: string | null; saved_at: number };

/**
 * Team presets in SQLite (the contract is TeamPresetRepository's). One person has no team to share with; the table
 * and these methods exist so both stores keep one schema and one interface.
 */
export class SqliteTeamPresetRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** SQLite has one writer: a transaction is already alone. */
  lock(_kind: TeamPresetKind, _presetId: string): void {}

  /** Saves a version unless that version of the preset exists already; true when written. */
  add(preset: NewTeamPreset): boolean {
    return (
      run(
        this.ctx.db,
        `INSERT INTO team_presets (kind, preset_id, version, body, removed, saved_by, saved_at)
         VALUES (:kind, :presetId, :version, :body, :removed, NULL, :now) ON CONFLICT (kind, preset_id, version) DO NOTHING`,
        { kind: preset.kind, presetId: preset.presetId, version: preset.version, body: JSON.stringify(preset.body), removed: preset.removed ? 1 : 0, now: this.ctx.now() },
      ).changes > 0
    );
  }

  /** The newest version of a preset, or undefined. */
  latest(kind: TeamPresetKind, presetId: string): TeamPreset | undefined {
    const row = getRow<PresetRow>(this.ctx.db, 'SELECT * FROM team_presets WHERE kind = :kind AND preset_id = :presetId ORDER BY version DESC LIMIT 1', { kind, presetId });
    return row && toPreset(row);
  }

  /** Every row saved after `seq`, oldest first. */
  since(seq: number): TeamPreset[] {
    return allRows<PresetRow>(this.ctx.db, 'SELECT * FROM team_presets WHERE seq > :seq ORDER BY seq', { seq }).map(toPreset);
  }

  /** The newest seq (0 with none). */
  lastSeq(): number {
    return getRow<{ seq: number }>(this.ctx.db, 'SELECT coalesce(max(seq), 0) AS seq FROM team_presets')?.seq ?? 0;
  }
}

function toPreset(row: PresetRow): TeamPreset {
  return {
    seq: row.seq,
    kind: row.kind,
    presetId: row.preset_id,
    version: row.version,
    body: JSON.parse(row.body) as unknown,
    removed: row.removed === 1,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  };
}
