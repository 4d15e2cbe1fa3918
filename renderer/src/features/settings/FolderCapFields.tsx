import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { Folder } from '../../../../electron/shared';
import { Field } from '../../ui/Field';
import { baseName } from '../../ui/format';
import type { BudgetForm } from './budgetForm';
import { MoneyInput } from './MoneyInput';

/** One monthly cap field per watched folder, in the order of `form.folderCaps` (built from the same list). */
export function FolderCapFields({ folders, register, errors }: { folders: readonly Folder[]; register: UseFormRegister<BudgetForm>; errors: FieldErrors<BudgetForm> }) {
  if (folders.length === 0) return <p className="muted small">Add a watched folder to give it its own monthly cap.</p>;
  return (
    <div className="form-grid">
      {folders.map((folder, index) => (
        <Field key={folder.id} label={baseName(folder.path)} hint={<span className="mono" title={folder.path}>{folder.path}</span>} error={errors.folderCaps?.[index]?.cap?.message}>
          <MoneyInput aria-label={`Monthly cap for ${folder.path}`} {...register(`folderCaps.${index}.cap`)} />
        </Field>
      ))}
    </div>
  );
}
