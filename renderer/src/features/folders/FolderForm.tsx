import { zodResolver } from '@hookform/resolvers/zod';
import { FolderPlus, FolderSearch } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { FolderSettings, Profile } from '../../../../electron/shared';
import { ApiCallError } from '../../../../electron/shared/apiCallError';
import { FolderSettingsSchema } from '../../../../electron/shared/schemas/folder';
import { useHost } from '../../api/HostProvider';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useQueueState } from '../queue/useQueue';
import { FolderBrowserModal } from './FolderBrowserModal';
import { profileLabel } from '../profiles/profileLabel';

interface Props {
  title: string;
  initial: FolderSettings;
  profiles: Profile[];
  /** Editing keeps the path: moving a watch is a remove and an add. */
  pathLocked?: boolean;
  saving: boolean;
  error: unknown;
  /** `createIfMissing`: the person chose "Create this folder" after the path was refused as missing. */
  onSave: (settings: FolderSettings, options: { createIfMissing: boolean }) => void;
  onCancel: () => void;
}

type PollingChoice = 'auto' | 'on' | 'off';
const POLLING_VALUES: Record<PollingChoice, boolean | null> = { auto: null, on: true, off: false };
function pollingChoice(polling: boolean | null): PollingChoice {
  return polling === null ? 'auto' : polling ? 'on' : 'off';
}

/** Add or edit a watched folder: its path (typed, native dialog, or server browser), profile and options. */
export function FolderForm({ title, initial, profiles, pathLocked, saving, error, onSave, onCancel }: Props) {
  const host = useHost();
  // Only a team's store has a team to share with.
  const teamStore = useQueueState().data?.store?.kind === 'postgres';
  const [browsing, setBrowsing] = useState(false);
  const { register, handleSubmit, setValue, watch, formState } = useForm<FolderSettings>({ resolver: zodResolver(FolderSettingsSchema), defaultValues: initial });
  const errors = formState.errors;
  const [submitted, setSubmitted] = useState<FolderSettings | null>(null);
  const save = (settings: FolderSettings) => {
    setSubmitted(settings);
    onSave(settings, { createIfMissing: false });
  };
  // The host refused the path because nothing is there: offer to make it rather than only saying no.
  const missing = !pathLocked && submitted !== null && error instanceof ApiCallError && error.code === 'folder_not_found';

  const pick = async () => {
    if (host.browseFolders) return setBrowsing(true);
    const picked = await host.api.dialog.pickFolder({ title: 'Choose a folder to watch' });
    if (picked.path) setValue('path', picked.path, { shouldValidate: true, shouldDirty: true });
  };

  return (
    <Card title={title}>
      <form className="folder-form" onSubmit={(event) => void handleSubmit(save)(event)} noValidate>
        <Field label="Folder" error={errors.path?.message} hint="Its full path, or ~/ for your home folder. Outputs go to sibling folders next to it, never inside.">
          <div className="input-with-button">
            <input className="mono" aria-label="Folder path" placeholder="/home/you/Campaigns/Incoming" readOnly={pathLocked} {...register('path')} />
            {!pathLocked && (
              <button type="button" className="btn" onClick={() => void pick()}>
                <FolderSearch size={16} /> Browse…
              </button>
            )}
          </div>
        </Field>
        <Field label="Profile" error={errors.profileId?.message}>
          <select {...register('profileId')}>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profileLabel(profile)}
              </option>
            ))}
          </select>
        </Field>
        <div className="checkbox-grid">
          <label className="checkbox"><input type="checkbox" {...register('enabled')} /> <span><strong>Enabled</strong><br /><span className="muted small">Watch and process new images.</span></span></label>
          <label className="checkbox"><input type="checkbox" {...register('recursive')} /> <span><strong>Include subfolders</strong><br /><span className="muted small">Outputs mirror the subfolders.</span></span></label>
          <label className="checkbox"><input type="checkbox" {...register('trusted')} /> <span><strong>Trusted</strong><br /><span className="muted small">Bursts of files run without asking first.</span></span></label>
          <label className="checkbox"><input type="checkbox" {...register('reviewFirst')} /> <span><strong>Review first</strong><br /><span className="muted small">Every size is made locally (free) and waits with fal's price; nothing goes to fal until you approve.</span></span></label>
          {(teamStore || initial.shared) && (
            <label className="checkbox"><input type="checkbox" {...register('shared')} /> <span><strong>Shared with the team</strong><br /><span className="muted small">Every instance of the team watches it with these settings; Enabled stays each one's own.</span></span></label>
          )}
        </div>
        <Field label="Watching" hint="Network shares (SMB, NFS, sshfs…) send no change events for files other computers add, so they are polled.">
          <select
            aria-label="How to watch"
            value={pollingChoice(watch('polling'))}
            onChange={(event) => setValue('polling', POLLING_VALUES[event.target.value as PollingChoice], { shouldDirty: true })}
          >
            <option value="auto">Automatic: poll on a network share, change events elsewhere</option>
            <option value="on">Always poll</option>
            <option value="off">Change events only (files from other computers are found by the periodic scan)</option>
          </select>
        </Field>
        {missing ? (
          <div className="note note-warning" role="alert">
            <FolderPlus size={16} aria-hidden />
            <span className="note-grow">{error.message}</span>
            <button type="button" className="btn btn-small btn-primary" disabled={saving} onClick={() => onSave(submitted, { createIfMissing: true })}>
              Create this folder
            </button>
          </div>
        ) : (
          <ErrorNote error={error} />
        )}
        <div className="button-row">
          <button type="button" className="btn" onClick={onCancel}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={saving}>{saving ? 'Saving…' : 'Save folder'}</button>
        </div>
      </form>
      {browsing && host.browseFolders && (
        <FolderBrowserModal
          browse={host.browseFolders}
          createFolder={host.createFolder}
          onClose={() => setBrowsing(false)}
          onPick={(path) => {
            setValue('path', path, { shouldValidate: true, shouldDirty: true });
            setBrowsing(false);
          }}
        />
      )}
    </Card>
  );
}
