import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Budget, BudgetPatch, Folder } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { BudgetFormSchema, budgetToForm, formToPatch, type BudgetForm } from './budgetForm';
import { FolderCapFields } from './FolderCapFields';
import { MoneyInput } from './MoneyInput';

interface Props {
  budget: Budget;
  folders: readonly Folder[];
  saving: boolean;
  /** The last save succeeded (shown once the fields match what was saved). */
  saved: boolean;
  error: unknown;
  onSave: (patch: BudgetPatch) => void;
}

/** The budget form: caps in dollars (saved as cents), per-folder monthly caps, and the burst rule. */
export function BudgetFormFields({ budget, folders, saving, saved, error, onSave }: Props) {
  const { register, handleSubmit, formState } = useForm<BudgetForm>({ resolver: zodResolver(BudgetFormSchema), defaultValues: budgetToForm(budget, folders), mode: 'onTouched' });
  const errors = formState.errors;
  const save = handleSubmit((values) => onSave(formToPatch(values)));

  return (
    <form className="budget-form" onSubmit={(event) => void save(event)} noValidate>
      <div className="form-grid">
        <Field label="Daily cap" hint="Resets at midnight." error={errors.dailyCap?.message}>
          <MoneyInput aria-label="Daily cap" {...register('dailyCap')} />
        </Field>
        <Field label="Monthly cap" hint="Resets on the 1st." error={errors.monthlyCap?.message}>
          <MoneyInput aria-label="Monthly cap" {...register('monthlyCap')} />
        </Field>
      </div>
      <h3 className="section-title">Monthly cap per watched folder</h3>
      <FolderCapFields folders={folders} register={register} errors={errors} />
      <h3 className="section-title">Bursts</h3>
      <div className="form-grid">
        <Field label="Ask first when more than (files)" hint="…arrive in one watched folder…" error={errors.burstFiles?.message}>
          <input type="number" min={1} max={100_000} aria-label="Burst files" {...register('burstFiles', { valueAsNumber: true })} />
        </Field>
        <Field label="…within (minutes)" hint="Trusted folders never ask." error={errors.burstWindowMinutes?.message}>
          <input type="number" min={1} max={1440} aria-label="Burst window in minutes" {...register('burstWindowMinutes', { valueAsNumber: true })} />
        </Field>
      </div>
      <ErrorNote error={error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={!formState.isDirty || saving}>{saving ? 'Saving…' : 'Save budget'}</button>
        {saved && !formState.isDirty && <span className="muted small">Saved.</span>}
      </div>
    </form>
  );
}
