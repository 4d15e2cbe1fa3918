import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Settings } from '../../../../electron/shared';
import { SettingsSchema } from '../../../../electron/shared/schemas/settings';
import { useHost } from '../../api/HostProvider';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useSettings } from './useSettings';

const EditableSchema = SettingsSchema.omit({ dataFolder: true });
type Editable = Omit<Settings, 'dataFolder'>;

/** Processing, naming and desktop settings, saved together. */
export function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const host = useHost();
  const { update } = useSettings();
  const { dataFolder: _shown, ...initial } = settings;
  const { register, handleSubmit, formState, reset } = useForm<Editable>({ resolver: zodResolver(EditableSchema), defaultValues: initial });
  const errors = formState.errors;
  const desktop = host.kind === 'electron';

  const save = handleSubmit((values) => update.mutate(values, { onSuccess: ({ dataFolder: _folder, ...saved }) => reset(saved) }));

  return (
    <Card title="Processing">
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="form-grid">
          <Field label="Jobs at a time" hint="New fal accounts run 2 at once; more only queue at fal." error={errors.concurrency?.message}>
            <input type="number" min={1} max={40} {...register('concurrency', { valueAsNumber: true })} />
          </Field>
          <Field label="Default provider" hint="Used where a profile leaves the choice open. Without a fal key everything runs locally." error={errors.defaultProvider?.message}>
            <select {...register('defaultProvider')}>
              <option value="fal">fal smart-resize</option>
              <option value="local">Local engine (free)</option>
            </select>
          </Field>
          <Field label="Naming template" hint="Tokens: {folder} {dir} {name} {w} {h} {profile} {n} {ext} {date}" error={errors.namingTemplate?.message} className="span-2">
            <input className="mono" {...register('namingTemplate')} />
          </Field>
          <Field label="When a file exists" error={errors.collisionPolicy?.message}>
            <select {...register('collisionPolicy')}>
              <option value="suffix">Add -1, -2…</option>
              <option value="overwrite">Overwrite</option>
              <option value="skip">Skip</option>
            </select>
          </Field>
          <Field label="fal proxy URL" hint="Optional: send fal calls through your own proxy." error={errors.falProxyUrl?.message}>
            <input className="mono" placeholder="https://proxy.example.com/api/fal" {...register('falProxyUrl', { setValueAs: (value: unknown) => (value ? String(value).trim() : null) })} />
          </Field>
        </div>
        <div className="checkbox-grid">
          <label className="checkbox"><input type="checkbox" disabled={!desktop} {...register('closeToTray')} /> <span><strong>Keep running in the tray</strong><br /><span className="muted small">{desktop ? 'Closing the window keeps hot folders working.' : 'Desktop app only.'}</span></span></label>
          <label className="checkbox"><input type="checkbox" disabled={!desktop} {...register('startAtLogin')} /> <span><strong>Start at login</strong><br /><span className="muted small">{desktop ? 'Hot folders resume after a restart.' : 'Desktop app only.'}</span></span></label>
        </div>
        <ErrorNote error={update.error} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={!formState.isDirty || update.isPending}>{update.isPending ? 'Saving…' : 'Save settings'}</button>
          {update.isSuccess && !formState.isDirty && <span className="muted small">Saved.</span>}
        </div>
      </form>
    </Card>
  );
}
