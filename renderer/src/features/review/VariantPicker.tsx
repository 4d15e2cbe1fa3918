import { CheckCircle2 } from 'lucide-react';
import type { JobOutput, OutputVariant } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatBytes } from '../../ui/format';
import { useVariantImage, useVariants } from './useVariants';

/**
 * fal's variants of one size side by side, under the large view's picture: every one was paid for and is kept; the
 * chosen one is the output file, and choosing another writes it there (a new version, restorable; free).
 */
export function VariantPicker({ jobId, output, busy }: { jobId: string; output: JobOutput; busy: boolean }) {
  const { variants, pick } = useVariants(jobId);
  const mine = (variants.data?.variants ?? []).filter((variant) => variant.target === output.target);
  if (mine.length < 2) return null;
  const chosen = mine.find((variant) => variant.chosen);
  return (
    <section className="variant-picker" aria-label="Variants">
      <h3 className="section-title">
        Variants <span className="muted small">fal made {mine.length}, all paid for · {chosen ? `${chosen.letter} is in the file` : 'the file holds a local re-make'}</span>
      </h3>
      <ErrorNote error={pick.error} />
      <div className="variant-row">
        {mine.map((variant) => (
          <VariantCard
            key={variant.variant}
            jobId={jobId}
            variant={variant}
            busy={busy || pick.isPending}
            onPick={() => pick.mutate({ target: variant.target, variant: variant.variant, path: output.path })}
          />
        ))}
      </div>
      {pick.isPending && (
        <p className="muted small" role="status">
          Writing the chosen variant…
        </p>
      )}
    </section>
  );
}

function VariantCard({ jobId, variant, busy, onPick }: { jobId: string; variant: OutputVariant; busy: boolean; onPick: () => void }) {
  const image = useVariantImage(jobId, variant.target, variant.variant);
  const name = `Variant ${variant.letter}`;
  return (
    <figure className={`variant-card ${variant.chosen ? 'chosen' : ''}`} aria-label={name} data-variant={variant.letter}>
      <div className="variant-picture" style={{ aspectRatio: `${variant.width} / ${variant.height}` }}>
        {image.data ? <img src={image.data.dataUrl} alt={`${variant.target} variant ${variant.letter}`} /> : <span className="muted small">Loading…</span>}
      </div>
      <figcaption>
        <strong>{variant.letter}</strong> <span className="muted small">{formatBytes(variant.bytes)}{variant.tier ? ` · ${variant.tier}` : ''}</span>
        {variant.chosen ? (
          <span className="variant-chosen small">
            <CheckCircle2 size={14} aria-hidden /> In the file
          </span>
        ) : (
          <button type="button" className="btn btn-small" disabled={busy} onClick={onPick}>
            Use {variant.letter}
          </button>
        )}
      </figcaption>
    </figure>
  );
}
