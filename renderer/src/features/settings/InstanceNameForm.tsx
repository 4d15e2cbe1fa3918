import { useState } from 'react';
import type { StoreChoice } from '../../../../electron/shared';
import { Field } from '../../ui/Field';
import { useStoreChoice } from './useStoreChoice';

const OVERRIDE: Partial<Record<StoreChoice['instance']['source'], string>> = {
  flag: '--instance names this launch, above the name saved here.',
  env: 'SMART_RESIZE_INSTANCE names this launch, above the name saved here.',
};

/**
 * This instance's name in a team: what History says made a job and what the other instances list as connected.
 * Saved for the next start (the name in use holds this instance's claims and leases until then).
 */
export function InstanceNameForm({ choice }: { choice: StoreChoice }) {
  const { setInstance } = useStoreChoice();
  const { instance } = choice;
  const [name, setName] = useState(instance.saved ?? instance.inUse ?? instance.next);
  const typed = name.trim();
  const unchanged = typed === (instance.saved ?? instance.next);
  const hint = OVERRIDE[instance.source] ?? (choice.inUse.kind === 'postgres' ? 'Shown in History ("made by") and to the rest of the team.' : 'Used when this app shares a team store.');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        setInstance.mutate(typed);
      }}
    >
      <Field label="Instance name" hint={hint} error={setInstance.error?.message}>
        <input aria-label="Instance name" value={name} maxLength={64} onChange={(event) => (setInstance.reset(), setName(event.target.value))} />
      </Field>
      <div className="button-row">
        <button type="submit" className="btn" disabled={unchanged || setInstance.isPending}>Save name</button>
        {instance.saved !== null && (
          <button type="button" className="btn" disabled={setInstance.isPending} onClick={() => setInstance.mutate(null, { onSuccess: (next) => setName(next.instance.next) })}>
            Use the default
          </button>
        )}
      </div>
      {instance.restartToApply && (
        <p className="note note-info" data-testid="instance-restart">
          <span>
            Restart the app to join the team as <strong>{instance.next}</strong> (it is <strong>{instance.inUse}</strong> until then).
          </span>
        </p>
      )}
    </form>
  );
}
