import { Badge } from '../../ui/Badge';
import { useVariants } from './useVariants';

/**
 * "A/B/C · B chosen" on a size fal made several variants of (of the set its file is of now), so a grid tile or a
 * contact-sheet cell says there is a choice without opening the large view; nothing for a size with one image.
 * The job's variants are one query, shared by every tile of the job.
 */
export function VariantBadge({ jobId, target, compact = false }: { jobId: string; target: string; compact?: boolean }) {
  const { variants } = useVariants(jobId);
  const ofSize = (variants.data?.variants ?? []).filter((variant) => variant.target === target);
  if (ofSize.length < 2) return null;
  const letters = ofSize.map((variant) => variant.letter).join('/');
  const chosen = ofSize.find((variant) => variant.chosen);
  // A contact-sheet cell is narrow: the letters and the chosen one only, the sentence in the tooltip.
  const words = compact ? `${letters} · ${chosen?.letter ?? '–'}` : `${letters} · ${chosen ? `${chosen.letter} chosen` : 'none in the file'}`;
  const title = chosen
    ? `fal made ${ofSize.length} variants of ${target}; ${chosen.letter} is in the file. Open it large to choose another.`
    : `fal made ${ofSize.length} variants of ${target}; the file is another making now. Open it large to use one.`;
  return (
    <span className="variant-badge" data-target={target}>
      <Badge tone="info" title={title}>
        {words}
      </Badge>
    </span>
  );
}
