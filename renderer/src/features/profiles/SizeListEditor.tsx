import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useController, useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { ProfileDraft } from '../../../../electron/shared';
import { AspectPreview } from '../../ui/AspectPreview';
import { parseSizeText } from './sizeText';
import { findPlacement } from '../../../../electron/domain/placements';
import { IconButton } from '../../ui/IconButton';

interface Props {
  control: Control<ProfileDraft>;
  register: UseFormRegister<ProfileDraft>;
  errors: FieldErrors<ProfileDraft>;
}

function SizePreview({ control, index }: { control: Control<ProfileDraft>; index: number }) {
  const size = useWatch({ control, name: `sizes.${index}` });
  return <AspectPreview width={Number(size?.width)} height={Number(size?.height)} />;
}

/** The placement a row names, with its limits, so the person sees what the size is checked against. */
function PlacementNote({ control, index }: { control: Control<ProfileDraft>; index: number }) {
  const { field } = useController({ control, name: `sizes.${index}.placement` });
  const spec = field.value ? findPlacement(field.value) : undefined;
  if (!spec) return null;
  const weight = spec.maxKB === null ? 'no known weight limit' : `up to ${spec.maxKB} KB`;
  return (
    <span className="muted small placement-note">
      {spec.platform} · {spec.name} ({spec.id}): {weight}, {spec.formats.join('/').toUpperCase()}
      {spec.safeZone ? ', safe zone' : ''}{' '}
      <button type="button" className="btn-link" onClick={() => field.onChange(undefined)} title="Keep the pixels, drop the placement's limits">
        use as a bare size
      </button>
    </span>
  );
}

// A size's fal check depends on both sides and the policy, so each of them revalidates the others (`deps`).

/** The profile's target sizes: one row per size with its shape, pixels and who renders it. */
export function SizeListEditor({ control, register, errors }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: 'sizes' });
  const [quickAdd, setQuickAdd] = useState('');
  const placement = findPlacement(quickAdd);
  const parsed = placement ? { width: placement.width, height: placement.height, placement: placement.id } : parseSizeText(quickAdd);
  const listError = errors.sizes?.root?.message ?? errors.sizes?.message;

  return (
    <div className="size-list">
      <div className="size-row size-head muted small">
        <span />
        <span>Width</span>
        <span />
        <span>Height</span>
        <span>Made by</span>
        <span />
      </div>
      {fields.map((field, index) => {
        const rowErrors = errors.sizes?.[index];
        const message = rowErrors?.width?.message ?? rowErrors?.height?.message ?? rowErrors?.policy?.message ?? rowErrors?.message;
        return (
          <div key={field.id} className="size-item">
            <div className="size-row">
              <SizePreview control={control} index={index} />
              <input type="number" aria-label={`Size ${index + 1} width`} aria-invalid={Boolean(rowErrors?.width)} {...register(`sizes.${index}.width`, { valueAsNumber: true, deps: [`sizes.${index}.height`] })} />
              <span className="muted">×</span>
              <input type="number" aria-label={`Size ${index + 1} height`} aria-invalid={Boolean(rowErrors?.height)} {...register(`sizes.${index}.height`, { valueAsNumber: true, deps: [`sizes.${index}.width`] })} />
              <select aria-label={`Size ${index + 1} policy`} {...register(`sizes.${index}.policy`, { deps: [`sizes.${index}.width`, `sizes.${index}.height`] })}>
                <option value="auto">Auto (local if a crop keeps the subject)</option>
                <option value="fal">fal smart-resize</option>
                <option value="local">Local engine (free)</option>
              </select>
              <IconButton label={`Remove size ${index + 1}`} icon={<Trash2 size={16} aria-hidden />} onClick={() => remove(index)} />
            </div>
            <PlacementNote control={control} index={index} />
            {message && <span className="field-error" role="alert">{message}</span>}
          </div>
        );
      })}
      {listError && <span className="field-error" role="alert">{listError}</span>}
      <div className="size-add">
        <input placeholder="Add a size, e.g. 1080x1350, or a placement such as iab-300x250" value={quickAdd} onChange={(event) => setQuickAdd(event.target.value)} aria-label="New size" />
        <button
          type="button"
          className="btn"
          disabled={!parsed}
          onClick={() => {
            if (!parsed) return;
            append({ ...parsed, policy: 'auto' });
            setQuickAdd('');
          }}
        >
          <Plus size={16} /> Add size
        </button>
      </div>
    </div>
  );
}
