import { FolderSync, Plus } from 'lucide-react';
import { useState } from 'react';
import type { Folder } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { useProfiles } from '../profiles/useProfiles';
import { useBudget } from '../settings/useBudget';
import { FolderCard } from './FolderCard';
import { FolderForm } from './FolderForm';
import { useFolderMutations, useFolders } from './useFolders';
import { profileLabel } from '../profiles/profileLabel';

/** Watched folders: images landing in one are resized with its profile. */
export function FoldersPage() {
  const folders = useFolders();
  const profiles = useProfiles();
  const budget = useBudget();
  const { add, update, remove } = useFolderMutations();
  const [editing, setEditing] = useState<Folder | 'new' | null>(null);
  const profileName = (id: string) => {
    const profile = profiles.data?.find((candidate) => candidate.id === id);
    return profile ? profileLabel(profile) : 'Deleted profile';
  };
  const capOf = (id: string) => budget.data?.folderCaps.find((cap) => cap.folderId === id)?.capCents ?? null;
  const firstProfile = profiles.data?.[0]?.id ?? '';

  return (
    <>
      <PageHeader
        title="Watched folders"
        subtitle="Images that land in these folders are resized with the folder's profile, even after a restart."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={!profiles.data}>
            <Plus size={16} /> Add folder
          </button>
        }
      />
      <ErrorNote error={folders.error ?? profiles.error ?? update.error ?? remove.error} />
      {editing && profiles.data && (
        <FolderForm
          key={editing === 'new' ? 'new' : editing.id}
          title={editing === 'new' ? 'Add a watched folder' : 'Edit folder'}
          profiles={profiles.data}
          pathLocked={editing !== 'new'}
          initial={editing === 'new' ? { path: '', profileId: firstProfile, enabled: true, recursive: false, polling: null, trusted: false } : editing}
          saving={add.isPending || update.isPending}
          error={add.error ?? update.error}
          onCancel={() => setEditing(null)}
          onSave={(settings, { createIfMissing }) => {
            const done = { onSuccess: () => setEditing(null) };
            if (editing === 'new') add.mutate({ ...settings, createIfMissing }, done);
            else update.mutate({ id: editing.id, patch: settings }, done);
          }}
        />
      )}
      <Card>
        {folders.data?.length === 0 && (
          <EmptyState icon={<FolderSync size={28} />} title="No watched folders yet">Add one, then save or copy images into it.</EmptyState>
        )}
        <ul className="folder-list">
          {folders.data?.map((folder) => (
            <FolderCard
              key={folder.id}
              folder={folder}
              profileName={profileName(folder.profileId)}
              capCents={capOf(folder.id)}
              onToggle={(enabled) => update.mutate({ id: folder.id, patch: { enabled } })}
              onEdit={() => setEditing(folder)}
              onRemove={() => remove.mutate(folder.id)}
            />
          ))}
        </ul>
      </Card>
    </>
  );
}
