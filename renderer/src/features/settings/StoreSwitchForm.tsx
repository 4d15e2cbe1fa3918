import { useState } from 'react';
import type { StoreChoice } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useStoreChoice } from './useStoreChoice';

/**
 * Switching store: a team's postgres:// URL is connected to before it is saved (a bad URL or a database that does
 * not answer is said at once, nothing saved), or back to SQLite on this computer. Either applies at the next start.
 */
export function StoreSwitchForm({ choice }: { choice: StoreChoice }) {
  const { setStore } = useStoreChoice();
  const [url, setUrl] = useState('');
  const typed = url.trim();
  const overridden = choice.source === 'flag' || choice.source === 'env';
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        setStore.mutate(typed, { onSuccess: () => setUrl('') });
      }}
    >
      <Field
        label="Team store"
        hint={choice.saved ? <>Saved: <span className="mono">{choice.saved}</span></> : 'A PostgreSQL URL every instance of the team uses: postgres://user:password@host/database'}
      >
        <input
          className="mono"
          aria-label="Team store URL"
          autoComplete="off"
          spellCheck={false}
          placeholder="postgres://user:password@host/database"
          value={url}
          onChange={(event) => (setStore.reset(), setUrl(event.target.value))}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="btn" disabled={!typed || setStore.isPending}>{setStore.isPending ? 'Connecting…' : 'Connect and save'}</button>
        {choice.saved !== null && (
          <button type="button" className="btn" disabled={setStore.isPending} onClick={() => setStore.mutate(null)}>
            Use SQLite on this computer
          </button>
        )}
      </div>
      <ErrorNote error={setStore.error} />
      {choice.restartToApply && (
        <p className="note note-info" data-testid="store-restart">
          <span>Saved. Restart the app to use {choice.saved ? 'the team store saved above' : 'SQLite on this computer'}; until then it keeps using the store in use.</span>
        </p>
      )}
      {overridden && choice.saved !== null && (
        <p className="note" data-testid="store-overridden">
          <span>This launch's {choice.source === 'flag' ? '--store' : 'SMART_RESIZE_STORE'} comes before the saved store: start without it to use the saved one.</span>
        </p>
      )}
    </form>
  );
}
