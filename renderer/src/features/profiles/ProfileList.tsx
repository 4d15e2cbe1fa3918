import { FileUp, Lock, Plus, Users } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Profile, ProfileImport } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { ImportOutcomeNote } from './ImportOutcomeNote';
import { useProfileMutations, usePresets } from './useProfiles';

/** The saved profiles, plus the two ways to get a new one: from a preset or from an exported file. */
export function ProfileList({ profiles, selectedId, onSelect }: { profiles: Profile[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const presets = usePresets();
  const { fromPreset, importJson } = useProfileMutations();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<{ file: { name: string; json: string }; result: ProfileImport } | null>(null);

  // A taken name is asked about first (nothing saved); the person's answer sends the same file again.
  const importText = async (file: { name: string; json: string }, ifExists: 'ask' | 'keep_both' | 'replace') => {
    const result = await importJson.mutateAsync({ json: file.json, ifExists }).catch(() => null);
    setImported(result && { file, result });
    if (result && result.outcome !== 'conflict') onSelect(result.profile.id);
  };
  const importFile = async (file: File | undefined) => {
    if (file) await importText({ name: file.name, json: await file.text() }, 'ask');
  };

  return (
    <Card title="Profiles" className="profile-list">
      <ul className="select-list">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button type="button" className={`select-item ${profile.id === selectedId ? 'selected' : ''}`} onClick={() => onSelect(profile.id)}>
              <span className="select-item-title">
                {profile.name}
                {profile.builtIn && <Lock size={12} aria-label="built in" />}
                {profile.shared && (
                  <span className="badge badge-info" title="Team preset: shared with the team">
                    <Users size={12} aria-hidden /> team
                  </span>
                )}
              </span>
              <span className="muted small">
                {profile.sizes.length} sizes · v{profile.version}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="list-actions">
        <label className="field">
          <span className="field-label">New from preset</span>
          <select
            value=""
            onChange={(event) => {
              const presetId = event.target.value;
              if (presetId) fromPreset.mutate(presetId, { onSuccess: (profile) => onSelect(profile.id) });
            }}
          >
            <option value="">Choose a preset…</option>
            {presets.data?.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name} ({preset.draft.sizes.length} sizes)
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
          <FileUp size={16} /> Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="profile-import-input"
          onChange={(event) => {
            void importFile(event.target.files?.[0]);
            // The same file may be imported again (after a Cancel, say).
            event.target.value = '';
          }}
        />
      </div>
      {imported && (
        <ImportOutcomeNote
          result={imported.result}
          fileName={imported.file.name}
          busy={importJson.isPending}
          onKeepBoth={() => void importText(imported.file, 'keep_both')}
          onReplace={() => void importText(imported.file, 'replace')}
          onDismiss={() => setImported(null)}
        />
      )}
      <ErrorNote error={fromPreset.error ?? importJson.error} />
      {fromPreset.isPending && <p className="muted small"><Plus size={12} /> Creating…</p>}
    </Card>
  );
}
