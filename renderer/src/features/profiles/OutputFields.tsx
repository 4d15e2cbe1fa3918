import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { ProfileDraft } from '../../../../electron/shared';
import { Field } from '../../ui/Field';

/** Output encoding and file naming. */
export function OutputFields({ control, register, errors }: { control: Control<ProfileDraft>; register: UseFormRegister<ProfileDraft>; errors: FieldErrors<ProfileDraft> }) {
  const format = useWatch({ control, name: 'output.format' });
  return (
    <div className="form-grid">
      <Field label="Format" error={errors.output?.format?.message}>
        <select {...register('output.format')}>
          <option value="auto">Auto (JPEG for photos, PNG for transparency or flat art)</option>
          <option value="jpeg">JPEG</option>
          <option value="png">PNG</option>
          <option value="webp">WebP</option>
        </select>
      </Field>
      <Field label="Quality" hint={format === 'png' ? 'PNG is lossless.' : '1–100; 85–92 suits ads.'} error={errors.output?.quality?.message}>
        <input type="number" min={1} max={100} readOnly={format === 'png'} {...register('output.quality', { valueAsNumber: true })} />
      </Field>
      <Field label="Weight budget (KB)" hint="Every size; a placement's own limit applies too. Empty: none." error={errors.output?.maxKB?.message}>
        <input type="number" min={1} placeholder="none" {...register('output.maxKB', { setValueAs: (value) => (value === '' || value === null || value === undefined ? undefined : Number(value)) })} />
      </Field>
      <div className="field">
        <span className="field-label">Rights metadata</span>
        <label className="checkbox">
          <input type="checkbox" {...register('output.copyMetadata')} /> Copy to every output
        </label>
        <span className="field-hint">Creator, copyright, credit and usage terms from the source; GPS and camera serials are never copied.</span>
      </div>
      <Field label="Naming template" hint="Tokens: {folder} {dir} {name} {w} {h} {profile} {n} {ext} {date}" error={errors.naming?.template?.message} className="span-2">
        <input className="mono" {...register('naming.template')} />
      </Field>
      <Field label="When a file exists" error={errors.naming?.collision?.message}>
        <select {...register('naming.collision')}>
          <option value="suffix">Add -1, -2…</option>
          <option value="overwrite">Overwrite</option>
          <option value="skip">Skip</option>
        </select>
      </Field>
    </div>
  );
}
