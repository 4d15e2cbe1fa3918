import { zodResolver } from '@hookform/resolvers/zod';
import { Copy, Download, Lock, Save, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { Profile, ProfileDraft } from '../../../../electron/shared';
import { ApiCallError } from '../../../../electron/shared/apiCallError';
import { ProfileDraftSchema } from '../../../../electron/shared/schemas/profile';
import { useHost } from '../../api/HostProvider';
import { PAGES, pageFromHash } from '../../shell/routes';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { FalOptionsFields } from './FalOptionsFields';
import { OutputFields } from './OutputFields';
import { downloadText, toDraft } from './profileDraft';
import { SizeListEditor } from './SizeListEditor';
import { TeamPresetNote } from './TeamPresetNote';
import { UnsavedChangesPrompt } from './UnsavedChangesPrompt';
import { useLeaveGuard } from './useLeaveGuard';
import { useProfileMutations } from './useProfiles';

/** Another profile was picked while this one has unsaved edits: the page waits for the person's answer. */
interface SwitchRequest {
  readonly toName: string;
  proceed(): void;
  cancel(): void;
}

interface Props {
  profile: Profile;
  onSelect: (id: string | null) => void;
  /**
   * A save or a stop of sharing answered another id (a stopped team preset's first edit here makes this computer's
   * own copy of it): the page keeps it open under that id, without asking (nothing is unsaved).
   */
  onSavedAs: (id: string) => void;
  /** Whether the form holds edits not saved yet (the page asks before switching profiles). */
  onDirtyChange: (dirty: boolean) => void;
  switchRequest: SwitchRequest | null;
}

/**
 * Edits one profile; built-in ones are read-only and offer a copy instead. Saving makes a new version. Unsaved edits
 * are never dropped without asking: leaving the page or picking another profile first offers save / discard / stay.
 */
export function ProfileEditor({ profile, onSelect, onSavedAs, onDirtyChange, switchRequest }: Props) {
  const { save, remove, exportJson } = useProfileMutations();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const form = useForm<ProfileDraft>({ resolver: zodResolver(ProfileDraftSchema), defaultValues: toDraft(profile), mode: 'onChange' });
  const { register, control, handleSubmit, formState, setError, reset } = form;
  const dirty = formState.isDirty && !profile.builtIn;
  const leaving = useLeaveGuard(dirty, useHost().kind === 'browser');
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  /** Saves the draft; true when it was saved, false when the host refused it (its reasons are on the fields). */
  const saveDraft = async (draft: ProfileDraft): Promise<boolean> => {
    try {
      const saved = await save.mutateAsync({ id: profile.id, draft });
      reset(toDraft(saved));
      if (saved.id !== profile.id) onSavedAs(saved.id);
      return true;
    } catch (error) {
      // The host validates too: put its field messages where the person is looking.
      if (error instanceof ApiCallError) {
        for (const issue of error.issues) setError(issue.path.replace(/^draft\./, '') as FieldPath<ProfileDraft>, { message: issue.message });
      }
      return false;
    }
  };
  const submit = handleSubmit(async (draft) => void (await saveDraft(draft)));

  // The one question pending: leaving the page, or opening another profile.
  const pending = leaving
    ? { action: `open ${pageLabel(leaving.target)}`, proceed: leaving.proceed, stay: leaving.stay }
    : switchRequest && { action: `open “${switchRequest.toName}”`, proceed: switchRequest.proceed, stay: switchRequest.cancel };
  const saveThenGo = (go: () => void, stay: () => void) =>
    void handleSubmit(
      async (draft) => {
        if (await saveDraft(draft)) go();
        else stay();
      },
      // Invalid fields: stay, so the person sees what to fix.
      () => stay(),
    )();

  const duplicate = async () => {
    const copy = await save.mutateAsync({ id: null, draft: { ...toDraft(profile), name: `${profile.name} copy`.slice(0, 80) } }).catch(() => null);
    if (copy) onSelect(copy.id);
  };

  const exportProfile = async () => {
    const exported = await exportJson.mutateAsync(profile.id).catch(() => null);
    if (exported) downloadText(exported.fileName, exported.json);
  };

  const deleteProfile = () => remove.mutate(profile.id, { onSuccess: () => onSelect(null) });

  return (
    <form className="profile-editor" onSubmit={(event) => void submit(event)} noValidate>
      {pending && (
        <UnsavedChangesPrompt
          profileName={profile.name}
          action={pending.action}
          saving={save.isPending}
          onStay={pending.stay}
          onSave={() => saveThenGo(pending.proceed, pending.stay)}
          onDiscard={() => {
            reset(toDraft(profile));
            pending.proceed();
          }}
        />
      )}
      <Card
        title={profile.builtIn ? <span className="inline-icon"><Lock size={16} /> {profile.name}</span> : 'Edit profile'}
        actions={
          <div className="button-row">
            <button type="button" className="btn" onClick={() => void duplicate()}>
              <Copy size={16} /> Duplicate
            </button>
            <button type="button" className="btn" onClick={() => void exportProfile()}>
              <Download size={16} /> Export
            </button>
            {!profile.builtIn && (
              <button type="submit" className="btn btn-primary" disabled={!formState.isDirty || save.isPending}>
                <Save size={16} /> {save.isPending ? 'Saving…' : 'Save'}
              </button>
            )}
          </div>
        }
      >
        {profile.builtIn && <p className="note note-info">Built-in profiles cannot be changed. Duplicate this one to make your own.</p>}
        <TeamPresetNote profile={profile} onKeptAs={onSavedAs} />
        <ErrorNote error={save.error ?? exportJson.error ?? remove.error} />
        <fieldset disabled={profile.builtIn} className="plain-fieldset">
          <Field label="Name" error={formState.errors.name?.message}>
            <input {...register('name')} />
          </Field>
          <h3 className="section-title">Sizes</h3>
          <SizeListEditor control={control} register={register} errors={formState.errors} />
          <h3 className="section-title">Output</h3>
          <OutputFields control={control} register={register} errors={formState.errors} />
          <h3 className="section-title">fal smart-resize</h3>
          <FalOptionsFields register={register} errors={formState.errors} />
        </fieldset>
        {!profile.builtIn && (
          <div className="danger-zone">
            {confirmingDelete ? (
              <>
                <span>Delete “{profile.name}”? Jobs already done keep their outputs.</span>
                <button type="button" className="btn btn-danger" onClick={deleteProfile}>Delete</button>
                <button type="button" className="btn" onClick={() => setConfirmingDelete(false)}>Keep</button>
              </>
            ) : (
              <button type="button" className="btn btn-ghost-danger" onClick={() => setConfirmingDelete(true)}>
                <Trash2 size={16} /> Delete profile
              </button>
            )}
          </div>
        )}
      </Card>
    </form>
  );
}

/** A page's name from its hash (`#/queue` -> "Queue"), for the prompt. */
function pageLabel(hash: string): string {
  const id = pageFromHash(hash);
  return PAGES.find((page) => page.id === id)?.label ?? 'another page';
}
