import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { FalKeyStatus } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useFalKey } from './useSettings';

const STORAGE_LABEL: Record<FalKeyStatus['storage'], string> = {
  safeStorage: 'Encrypted with the system keychain',
  'plaintext-fallback': 'Stored without encryption',
  file: 'Saved in a file only your user can read (fal-key in the data folder)',
  env: 'From the FAL_KEY environment variable',
  none: 'Not set',
};

/** Set, replace or clear the fal key; only its status is ever shown. */
export function FalKeyCard() {
  const { status, set, clear } = useFalKey();
  const [key, setKey] = useState('');
  const current = status.data;
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
          <input type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} placeholder="fal key" />
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={key.trim().length === 0 || set.isPending}>Save key</button>
          {current?.configured && current.storage !== 'env' && (
            <button type="button" className="btn btn-ghost-danger" onClick={() => clear.mutate()} disabled={clear.isPending}>Clear key</button>
          )}
        </div>
      </form>
      <ErrorNote error={status.error ?? clear.error} />
    </Card>
  );
}
