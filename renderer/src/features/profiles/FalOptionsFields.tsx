import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { ProfileDraft } from '../../../../electron/shared';
import { Field } from '../../ui/Field';

/** fal smart-resize's own options. */
export function FalOptionsFields({ register, errors }: { register: UseFormRegister<ProfileDraft>; errors: FieldErrors<ProfileDraft> }) {
  return (
    <div className="form-grid">
      <Field label="Prompt" hint="Optional guidance for the recomposition; empty lets fal describe the image itself." error={errors.fal?.prompt?.message} className="span-2">
        <textarea rows={3} {...register('fal.prompt')} />
      </Field>
      <Field label="Images per size" hint="Each image costs; pick the best later." error={errors.fal?.numImagesPerSize?.message}>
        <input type="number" min={1} max={4} {...register('fal.numImagesPerSize', { valueAsNumber: true })} />
      </Field>
      <Field label="Variants" hint="With more than one image per size: pick one per file, or deliver each as name_A, name_B…" error={errors.fal?.variants?.naming?.message}>
        <select {...register('fal.variants.naming')}>
          <option value="choose">Choose one per size</option>
          <option value="ab">Each as its own file (A/B)</option>
        </select>
      </Field>
      <Field label="Variants not chosen" hint="Kept in a variants/ folder beside the output, or only in the app (still choosable)." error={errors.fal?.variants?.keep?.message}>
        <select {...register('fal.variants.keep')}>
          <option value="subfolder">In a variants/ subfolder</option>
          <option value="discard">Not kept beside the outputs</option>
        </select>
      </Field>
      <Field label="Minimum resolution" hint="A floor: fal may still use a larger tier (4K costs double)." error={errors.fal?.resolution?.message}>
        <select {...register('fal.resolution')}>
          <option value="1K">1K</option>
          <option value="2K">2K</option>
          <option value="4K">4K</option>
        </select>
      </Field>
      <Field label="Safety tolerance" hint="1 is strictest, 6 most permissive." error={errors.fal?.safetyTolerance?.message}>
        <select {...register('fal.safetyTolerance')}>
          {['1', '2', '3', '4', '5', '6'].map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Seed" hint="Empty for a random seed each time." error={errors.fal?.seed?.message}>
        <input type="number" {...register('fal.seed', { setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value)) })} />
      </Field>
    </div>
  );
}
