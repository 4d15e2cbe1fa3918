import { Field } from '../../ui/Field';

/** How a drop runs besides its profile: review first, and the batch's own output folder. */
export interface DropChoices {
  reviewFirst: boolean;
  /** Empty: outputs go beside the sources (for uploads, the inbox's sibling folders). */
  outputFolder: string;
}

/** The drop's options: make everything locally first for approval, and where its outputs go. */
export function DropOptions({ choices, onChange, browser }: { choices: DropChoices; onChange: (next: DropChoices) => void; browser: boolean }) {
  return (
    <div className="drop-options">
      <label className="checkbox">
        <input type="checkbox" checked={choices.reviewFirst} onChange={(event) => onChange({ ...choices, reviewFirst: event.target.checked })} />
        <span>
          <strong>Review first</strong>
          <br />
          <span className="muted small">Every size is made locally first (free, seconds) with fal’s price beside it; nothing is sent to fal until you approve.</span>
        </span>
      </label>
      <Field label="Output folder (optional)" hint={browser ? 'A folder inside the places this app may write (your home folder, or one named with --allow).' : 'Leave empty to write beside the sources.'}>
        <input
          type="text"
          value={choices.outputFolder}
          placeholder={browser ? 'Full path, e.g. /home/you/Deliveries/spring' : 'Full path; empty: beside the sources'}
          aria-label="Output folder"
          onChange={(event) => onChange({ ...choices, outputFolder: event.target.value })}
        />
      </Field>
    </div>
  );
}
