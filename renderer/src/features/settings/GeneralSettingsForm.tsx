import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Settings } from '../../../../electron/shared';
import { useHost } from '../../api/HostProvider';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { formToSettingsPatch, GeneralFormSchema, settingsToForm, type GeneralForm } from './generalSettingsForm';
import { useSettings } from './useSettings';

/** Processing, naming and desktop settings, saved together; each applies as soon as it is saved. */
export function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const host = useHost();
  const { update } = useSettings();
  const { register, handleSubmit, formState, reset } = useForm<GeneralForm>({ resolver: zodResolver(GeneralFormSchema), defaultValues: settingsToForm(settings) });
  const errors = formState.errors;
  const desktop = host.kind === 'electron';

  const save = handleSubmit((values) => update.mutate(formToSettingsPatch(values), { onSuccess: (saved) => reset(settingsToForm(saved)) }));

  return (
    <Card title="Processing">
      <p className="muted small">Saved settings apply at once, to the running queue and watched folders: nothing needs a restart.</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="form-grid">
          <Field label="Jobs at a time" hint="New fal accounts run 2 at once; more only queue at fal." error={errors.concurrency?.message}>
            <input type="number" min={1} max={40} {...register('concurrency', { valueAsNumber: true })} />
          </Field>
          <Field label="Default provider" hint="fal: sizes set to fal (and auto sizes that need it) go to fal. Local: nothing is sent to fal, whatever the profiles say. Without a fal key everything runs locally." error={errors.defaultProvider?.message}>
            <select {...register('defaultProvider')}>
              <option value="fal">fal smart-resize</option>
              <option value="local">Local engine (free)</option>
            </select>
          </Field>
          <Field label="Settle time (seconds)" hint="How long a file in a watched folder must stay unchanged before it is taken. Longer for slow network copies." error={errors.settleSeconds?.message}>
            <input type="number" min={0.05} max={60} step={0.05} aria-label="Settle time in seconds" {...register('settleSeconds', { valueAsNumber: true })} />
          </Field>
          <Field label="Largest image (megapixels)" hint="A source image with more pixels is refused before it is decoded: the guard against decompression bombs. The default, 268.4, is 16,383 × 16,383 pixels. Checked when each job starts." error={errors.pixelLimitMegapixels?.message}>
            <input type="number" min={0.01} max={10000} step="any" aria-label="Largest image in megapixels" {...register('pixelLimitMegapixels', { valueAsNumber: true })} />
          </Field>
          <Field label="Ask before a drop sends more than ($)" hint="A drop whose paid work may cost more than this shows its maximum and asks first. Empty: never ask." error={errors.confirmAboveDollars?.message}>
            <input type="number" min={0} step={0.01} aria-label="Ask before a drop sends more than, in dollars" {...register('confirmAboveDollars', { setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value)) })} />
          </Field>
          <Field label="fal request deadline (seconds)" hint="A fal request still running this long after it was sent is cancelled at fal and tried again, or fails as not finished in time. Deadlines learned from recent run times stay below it. Default 600 (10 minutes)." error={errors.falDeadlineSeconds?.message}>
            <input type="number" min={1} max={3600} step={1} aria-label="fal request deadline in seconds" {...register('falDeadlineSeconds', { valueAsNumber: true })} />
          </Field>
          <Field label="Naming template" hint="Given to new profiles made from a preset; each profile keeps its own. Tokens: {folder} {dir} {name} {w} {h} {profile} {n} {ext} {date}" error={errors.namingTemplate?.message} className="span-2">
            <input className="mono" {...register('namingTemplate')} />
          </Field>
          <Field label="When a file exists" hint="Also for new profiles made from a preset." error={errors.collisionPolicy?.message}>
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
