import type { JobOutput } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';

type FillStyle = 'blur' | 'extend' | 'solid' | 'mirror';
const FILL_STYLES: readonly FillStyle[] = ['blur', 'extend', 'solid', 'mirror'];
const FILL_WORDS: Record<FillStyle, string> = { blur: 'Blur', extend: 'Extend', solid: 'Solid', mirror: 'Mirror' };

interface Props {
  output: JobOutput;
  busy: boolean;
  /** Why the last switch failed, shown here (the page's own note is behind the large view). */
  error: unknown;
  onSwitch: (choice: { method: 'crop' | 'pad'; fill?: FillStyle }) => void;
}

/**
 * Switches one size's method from the large view: the best cover crop, or the whole source padded in a fill style.
 * The local engine makes that size again at once (free) as a new version; a fal-made size becomes a local one.
 */
export function MethodSwitch({ output, busy, error, onSwitch }: Props) {
  const layout = output.layout;
  const padded = layout !== null && layout.method !== 'crop';
  const fill = padded ? layout.fill : null;
  return (
    <section aria-label="Method" className="method-switch">
      <h3 className="section-title">Method</h3>
      <div className="segmented" role="group" aria-label="Layout method">
        <button type="button" className={`btn btn-small ${layout?.method === 'crop' ? 'btn-primary' : ''}`} aria-pressed={layout?.method === 'crop'} disabled={busy} onClick={() => onSwitch({ method: 'crop' })}>
          Crop
        </button>
        <button type="button" className={`btn btn-small ${padded ? 'btn-primary' : ''}`} aria-pressed={padded} disabled={busy} onClick={() => onSwitch({ method: 'pad' })}>
          Pad
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Fill style">
        {FILL_STYLES.map((style) => (
          <button key={style} type="button" className={`btn btn-small ${fill === style ? 'btn-primary' : ''}`} aria-pressed={fill === style} disabled={busy} onClick={() => onSwitch({ method: 'pad', fill: style })}>
            {FILL_WORDS[style]}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
      {busy && (
        <p className="muted small" role="status">
          Making the size again…
        </p>
      )}
      <p className="muted small">
        {output.provider === 'fal' ? 'fal recomposed this size; switching makes it locally instead. ' : ''}Made again locally at once, free; the earlier making stays in Versions.
      </p>
    </section>
  );
}
