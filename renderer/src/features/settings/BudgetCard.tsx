import { Wallet } from 'lucide-react';
import type { Budget, Folder } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { useFolders } from '../folders/useFolders';
import { BudgetFormFields } from './BudgetFormFields';
import { useBudget, useUpdateBudget } from './useBudget';

/** Caps on what fal may cost, per day, month and watched folder, and when a burst of files asks first. */
export function BudgetCard() {
  const budget = useBudget();
  const folders = useFolders();
  // Owned here, not by the form: a save remounts the form (new stored values) and must not lose "Saved."
  const update = useUpdateBudget();
  return (
    <Card title={<span className="inline-icon"><Wallet size={18} /> Budget</span>}>
      <p className="muted small">
        Before each request to fal, its highest possible price is set aside against these caps. A job that would cross one waits (“Waiting for budget”)
        until you raise the cap or the day or month rolls over. Leave a field empty for no cap.
      </p>
      <ErrorNote error={budget.error ?? folders.error} />
      {budget.data && folders.data && (
        <BudgetFormFields
          key={formKey(budget.data, folders.data)}
          budget={budget.data}
          folders={folders.data}
          saving={update.isPending}
          saved={update.isSuccess}
          error={update.error}
          onSave={(patch) => update.mutate(patch)}
        />
      )}
    </Card>
  );
}

/** Remounts the form when the saved budget or the folder list changes, so its fields start from what is stored. */
function formKey(budget: Budget, folders: readonly Folder[]): string {
  return JSON.stringify([budget, folders.map((folder) => folder.id)]);
}
