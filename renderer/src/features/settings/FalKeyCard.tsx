import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { FalKeyStatus } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { FalKeyTestResult } from './FalKeyTestResult';
import { useFalKey } from './useSettings';

const STORAGE_LABEL: Record<FalKeyStatus['storage'], string> = {
  safeStorage: 'Encrypted with the system keychain',
  'plaintext-fallback': 'Stored without encryption',
  file: 'Saved in a file only your user can read (fal-key in the data folder)',
  env: 'From the FAL_KEY environment variable',
  none: 'Not set',
};

/** Set, test, replace or clear the fal key; only its status is ever shown. Clearing asks first. */
export function FalKeyCard() {
  const { status, set, clear, test } = useFalKey();
  const [key, setKey] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const current = status.data;
  const typed = key.trim().length > 0;
  const canTest = typed || Boolean(current?.configured);
  return (
    <Card title={<span className="inline-icon"><KeyRound size={18} /> fal API key</span>} actions={current && <Badge tone={current.configured ? 'success' : 'neutral'}>{current.configured ? 'Configured' : 'Not set'}</Badge>}>
      {current && <p className="muted small">{STORAGE_LABEL[current.storage]}.</p>}
      {current?.storage === 'plaintext-fallback' && (
        <div className="note note-warning">
          <TriangleAlert size={16} />
          <span>This system has no keyring, so the key is saved in plain text in the data folder. Install a keyring (GNOME Keyring, KWallet) and set the key again to encrypt it.</span>
        </div>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          set.mutate(key, { onSuccess: () => setKey('') });
        }}
      >
        <Field label={current?.configured ? 'Replace key' : 'Key'} hint="From fal.ai → Dashboard → Keys. Without a key, every size runs on the free local engine." error={set.error?.message}>
          <input
            type="password"
            autoComplete="off"
            aria-label="fal key"
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
              test.reset();
            }}
            placeholder="fal key"
          />
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={!typed || set.isPending}>Save key</button>
          <button type="button" className="btn" disabled={!canTest || test.isPending} onClick={() => test.mutate(typed ? key : undefined)}>
            {test.isPending ? 'Testing…' : typed ? 'Test this key' : 'Test key'}
          </button>
          {current?.configured && current.storage !== 'env' && !confirmingClear && (
            <button type="button" className="btn btn-ghost-danger" onClick={() => setConfirmingClear(true)} disabled={clear.isPending}>Clear key</button>
          )}
        </div>
      </form>
      {test.data && <FalKeyTestResult test={test.data} tested={test.variables ? 'typed' : 'saved'} />}
      {confirmingClear && (
        <div className="danger-zone" role="alertdialog" aria-label="Clear the fal key?">
          <span>Clear the fal key? Sizes set to fal will then be made by the free local engine until a key is saved again.</span>
          <button
            type="button"
            className="btn btn-danger"
            disabled={clear.isPending}
            onClick={() => clear.mutate(undefined, { onSuccess: () => setConfirmingClear(false) })}
          >
            Clear key
          </button>
          <button type="button" className="btn" onClick={() => setConfirmingClear(false)}>Keep key</button>
        </div>
      )}
      <ErrorNote error={status.error ?? clear.error ?? test.error} />
    </Card>
  );
}
