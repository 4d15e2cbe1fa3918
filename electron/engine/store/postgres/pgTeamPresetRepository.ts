import type { NewTeamPreset, TeamPreset, TeamPresetKind, TeamPresetRepository } from '../jobRepositories';
import type { PgContext } from './pgContext';
import { pgRow, pgRows, pgRun } from './pgSql';

type PresetRow = { seq: number; kind: TeamPresetKind; preset_id: string; version: number; body: string; removed: boolean; saved_by: string | null; saved_at: number };

/** The team's shared profiles and folder settings (PostgreSQL): one set for every instance. */
export class PgTeamPresetRepository implements TeamPresetRepository {
  constructor(private readonly ctx: PgContext) {}

  /** A transaction-scoped advisory lock per preset: two instances saving the same one take turns. */
  async lock(kind: TeamPresetKind, presetId: string): Promise<void> {
    await pgRun(this.ctx.client, 'SELECT pg_advisory_xact_lock(hashtext(:key))', { key: `team_preset:${kind}:${presetId}` });
  }

  async add(preset: NewTeamPreset): Promise<boolean> {
    const written = await pgRun(
      this.ctx.client,
      `INSERT INTO team_presets (kind, preset_id, version, body, removed, saved_by, saved_at)
       VALUES (:kind, :presetId, :version, :body, :removed::int::boolean, :me, :now) ON CONFLICT (kind, preset_id, version) DO NOTHING`,
      { kind: preset.kind, presetId: preset.presetId, version: preset.version, body: JSON.stringify(preset.body), removed: preset.removed ? 1 : 0, me: this.ctx.instance, now: this.ctx.now() },
    );
    return written > 0;
  }

  async latest(kind: TeamPresetKind, presetId: string): Promise<TeamPreset | undefined> {
    const row = await pgRow<PresetRow>(this.ctx.client, 'SELECT * FROM team_presets WHERE kind = :kind AND preset_id = :presetId ORDER BY version DESC LIMIT 1', { kind, presetId });
    return row && toPreset(row);
  }

  async since(seq: number): Promise<TeamPreset[]> {
    return (await pgRows<PresetRow>(this.ctx.client, 'SELECT * FROM team_presets WHERE seq > :seq ORDER BY seq', { seq })).map(toPreset);
  }

  async lastSeq(): Promise<number> {
    return (await pgRow<{ seq: number }>(this.ctx.client, 'SELECT coalesce(max(seq), 0)::bigint AS seq FROM team_presets'))?.seq ?? 0;
  }
}

function toPreset(row: PresetRow): TeamPreset {
  return {
    seq: row.seq,
    kind: row.kind,
    presetId: row.preset_id,
    version: row.version,
    body: JSON.parse(row.body) as unknown,
    removed: row.removed,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  };
}
