import { FileUp, Lock, Plus } from 'lucide-react';
import { useRef } from 'react';
import type { Profile } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { useProfileMutations, usePresets } from './useProfiles';

/** The saved profiles, plus the two ways to get a new one: from a preset or from an exported file. */
export function ProfileList({ profiles, selectedId, onSelect }: { profiles: Profile[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const presets = usePresets();
  const { fromPreset, importJson } = useProfileMutations();
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const profile = await importJson.mutateAsync(await file.text()).catch(() => null);
    if (profile) onSelect(profile.id);
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
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(event) => void importFile(event.target.files?.[0])} />
      </div>
      <ErrorNote error={fromPreset.error ?? importJson.error} />
      {fromPreset.isPending && <p className="muted small"><Plus size={12} /> Creating…</p>}
    </Card>
  );
}
