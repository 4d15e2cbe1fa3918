import { useMutation } from '@tanstack/react-query';
import { FolderPlus } from 'lucide-react';
import { useState } from 'react';
import type { BrowseListing } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';

interface Props {
  parent: string;
  create: (parent: string, name: string) => Promise<BrowseListing>;
  onCreated: (folder: BrowseListing) => void;
}

/** "New folder" in the folder browser: a name, made inside the folder shown (the server refuses anywhere else). */
export function NewFolderForm({ parent, create, onCreated }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const make = useMutation({ mutationFn: () => create(parent, name.trim()), onSuccess: onCreated });
  if (!open) {
    return (
      <button type="button" className="btn btn-small browser-new" onClick={() => setOpen(true)}>
        <FolderPlus size={14} /> New folder
      </button>
    );
  }
  return (
    <form
      className="browser-new inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        make.mutate();
      }}
    >
      <div className="input-with-button">
        <input aria-label="New folder name" placeholder="New folder name" value={name} onChange={(event) => {
            setName(event.target.value);
            make.reset();
          }}
          autoFocus
        />
        <button type="submit" className="btn btn-primary" disabled={name.trim() === '' || make.isPending}>
          <FolderPlus size={16} /> Create
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>Cancel</button>
      </div>
      <ErrorNote error={make.error} />
    </form>
  );
}
