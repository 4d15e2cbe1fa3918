import { Modal } from '../../ui/Modal';

interface Props {
  profileName: string;
  /** What the person was about to do, e.g. "open Queue" or "open “Meta feed”". */
  action: string;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onStay: () => void;
}

/** Asked before unsaved profile edits would be lost: save them, discard them, or keep editing. */
export function UnsavedChangesPrompt({ profileName, action, saving, onSave, onDiscard, onStay }: Props) {
  return (
    <Modal
      title="Unsaved changes"
      onClose={onStay}
      footer={
        <>
          <button type="button" className="btn" onClick={onStay}>Keep editing</button>
          <button type="button" className="btn btn-ghost-danger" onClick={onDiscard}>Discard changes</button>
          <button type="button" className="btn btn-primary" onClick={onSave} disabled={saving}>{saving ? 'Saving…' : 'Save and continue'}</button>
        </>
      }
    >
      <p>
        Your changes to <strong>{profileName}</strong> are not saved. Save them before you {action}, or discard them?
      </p>
    </Modal>
  );
}
