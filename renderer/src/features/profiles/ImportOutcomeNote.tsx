import { CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ProfileImport } from '../../../../electron/shared';

interface Props {
  result: ProfileImport;
  /** The name the file carries (the conflict's profile is the one already here). */
  fileName: string;
  busy: boolean;
  onKeepBoth: () => void;
  onReplace: () => void;
  onDismiss: () => void;
}

/** What an import did, in words; for a name already taken by a different profile, the person's choice. */
export function ImportOutcomeNote({ result, fileName, busy, onKeepBoth, onReplace, onDismiss }: Props) {
  const { profile } = result;
  if (result.outcome === 'conflict') {
    return (
      <div className="note note-warning import-note" role="alert">
        <TriangleAlert size={16} aria-hidden />
        <div className="note-grow">
          <p>
            <strong>“{profile.name}” already exists</strong> with other settings than {fileName}. Nothing was imported yet.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={onKeepBoth}>Keep both</button>
            {result.canReplace && (
              <button type="button" className="btn btn-small" disabled={busy} onClick={onReplace} title="Saved as its next version; jobs already done keep theirs.">
                Replace “{profile.name}”
              </button>
            )}
            <button type="button" className="btn btn-small" onClick={onDismiss}>Cancel</button>
          </div>
          <p className="muted small">
            Keep both imports it as a new profile beside this one{result.canReplace ? '; Replace saves the file as the next version of this one.' : ' (a built-in preset cannot be replaced).'}
          </p>
        </div>
      </div>
    );
  }
  const message: Record<Exclude<ProfileImport['outcome'], 'conflict'>, string> = {
    created: `Imported “${profile.name}”.`,
    unchanged: `“${profile.name}” is already here with exactly these settings: nothing was imported.`,
    renamed: `Imported as “${profile.name}”, beside the profile that already had the name.`,
    new_version: `“${profile.name}” now has the file’s settings, as version ${profile.version}.`,
  };
  const Icon = result.outcome === 'unchanged' ? Info : CircleCheck;
  return (
    <div className={`note ${result.outcome === 'unchanged' ? 'note-info' : 'note-success'} import-note`} role="status">
      <Icon size={16} aria-hidden />
      <span className="note-grow">{message[result.outcome]}</span>
      <button type="button" className="btn btn-small" onClick={onDismiss}>OK</button>
    </div>
  );
}
