import { SlidersHorizontal } from 'lucide-react';
import { useCallback, useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { ProfileEditor } from './ProfileEditor';
import { ProfileList } from './ProfileList';
import { useProfiles } from './useProfiles';

/** Profiles: the list on the left, the editor of the chosen one on the right. */
export function ProfilesPage() {
  const profiles = useProfiles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [switchTo, setSwitchTo] = useState<string | null>(null);
  const onDirtyChange = useCallback((next: boolean) => setDirty(next), []);
  const selected = profiles.data?.find((profile) => profile.id === selectedId) ?? profiles.data?.[0] ?? null;
  // Opening another profile while this one has unsaved edits asks first (the editor shows the question).
  const select = (id: string | null) => {
    if (id !== null && dirty && id !== selected?.id) setSwitchTo(id);
    else setSelectedId(id);
  };
  const switchName = profiles.data?.find((profile) => profile.id === switchTo)?.name;
  const switchRequest =
    switchTo === null
      ? null
      : {
          toName: switchName ?? 'another profile',
          proceed: () => {
            setSwitchTo(null);
            setSelectedId(switchTo);
          },
          cancel: () => setSwitchTo(null),
        };
  return (
    <>
      <PageHeader title="Profiles" subtitle="Size sets and smart-resize options. Editing a profile makes a new version; finished jobs keep theirs." />
      <ErrorNote error={profiles.error} />
      <div className="two-columns">
        {profiles.data && <ProfileList profiles={profiles.data} selectedId={selected?.id ?? null} onSelect={select} />}
        {selected ? (
          <ProfileEditor
            key={`${selected.id}:${selected.version}`}
            profile={selected}
            onSelect={select}
            onSavedAs={setSelectedId}
            onDirtyChange={onDirtyChange}
            switchRequest={switchRequest}
          />
        ) : (
          profiles.data && <EmptyState icon={<SlidersHorizontal size={28} />} title="No profiles yet">Start from a preset on the left.</EmptyState>
        )}
      </div>
    </>
  );
}
