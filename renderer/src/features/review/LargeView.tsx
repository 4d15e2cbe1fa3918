import { X } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatBytes } from '../../ui/format';
import { IconButton } from '../../ui/IconButton';
import { layoutWords } from './layoutWords';
import { useCompareImages } from './useReviewImages';
import { ZoomCompare } from './ZoomCompare';

interface Props {
  jobId: string;
  output: JobOutput;
  onClose: () => void;
  /** More for this size beside the picture (fixing it, its versions). */
  side?: ReactNode;
  /** Under the picture, across its width (fal's variants side by side). */
  below?: ReactNode;
}

/** One output large: fit or 1:1 pixels, compared with the same region of the source. Escape closes it. */
export function LargeView({ jobId, output, onClose, side, below }: Props) {
  const [zoom, setZoom] = useState<'fit' | 'actual'>('fit');
  const { after, before } = useCompareImages(jobId, output.path, output.bytes ?? null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const title = `${output.target} large`;
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="modal large-view" role="dialog" aria-modal="true" aria-label={title}>
        <div className="modal-header">
          <h2>
            <span className="mono">{output.target}</span> <span className="muted small">{layoutWords(output)}</span>
          </h2>
          <div className="large-tools">
            <div className="segmented" role="group" aria-label="Zoom">
              <button type="button" className={`btn btn-small ${zoom === 'fit' ? 'btn-primary' : ''}`} aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
                Fit
              </button>
              <button type="button" className={`btn btn-small ${zoom === 'actual' ? 'btn-primary' : ''}`} aria-pressed={zoom === 'actual'} onClick={() => setZoom('actual')}>
                1:1
              </button>
            </div>
            <IconButton label={`Close ${title}`} tooltip="Close" icon={<X size={18} aria-hidden />} onClick={onClose} />
          </div>
        </div>
        <div className="large-body">
          <div className="large-picture">
            <ErrorNote error={after.error ?? before.error} />
            {after.data ? <ZoomCompare after={after.data} before={before.data} zoom={zoom} /> : <div className="large-loading muted">Loading the full-size file…</div>}
            {after.data && (
              <p className="muted small">
                {after.data.width}×{after.data.height} px · {formatBytes(after.data.bytes)} · {output.path}
              </p>
            )}
            {below}
          </div>
          {side && <div className="large-side">{side}</div>}
        </div>
      </div>
    </div>
  );
}
