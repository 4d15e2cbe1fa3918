import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CornerLeftUp, Folder, HardDrive } from 'lucide-react';
import { useState } from 'react';
import type { BrowseListing } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { NewFolderForm } from './NewFolderForm';

interface Props {
  browse: (path?: string) => Promise<BrowseListing>;
  /** Makes a subfolder of the folder shown; absent when the host cannot. */
  createFolder?: (parent: string, name: string) => Promise<BrowseListing>;
  onPick: (path: string) => void;
  onClose: () => void;
}

/**
 * The headless server's folder browser (the home folder and below, plus any folder the server was started to
 * allow, such as a NAS mount), for browsers that cannot pick local folders. A new folder can be made where it is.
 */
export function FolderBrowserModal({ browse, createFolder, onPick, onClose }: Props) {
  const client = useQueryClient();
  const [path, setPath] = useState<string | undefined>(undefined);
  const listing = useQuery({ queryKey: ['browse', path ?? ''], queryFn: () => browse(path) });
  const current = listing.data;
  const created = (folder: BrowseListing) => {
    // The parent now has one more subfolder; the new one is where the browser goes.
    void client.invalidateQueries({ queryKey: ['browse'] });
    client.setQueryData(['browse', folder.path], folder);
    setPath(folder.path);
  };
  return (
    <Modal
      title="Choose a folder"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" disabled={!current} onClick={() => current && onPick(current.path)}>
            Watch this folder
          </button>
        </>
      }
    >
      {current && current.roots.length > 1 && (
        <div className="browser-roots" role="group" aria-label="Places">
          {current.roots.map((root) => (
            <button key={root} type="button" className={`btn btn-small${root === current.path ? ' btn-primary' : ''}`} onClick={() => setPath(root)}>
              <HardDrive size={14} /> {root}
            </button>
          ))}
        </div>
      )}
      <div className="browser-path mono">{current?.path ?? '…'}</div>
      <ErrorNote error={listing.error} />
      <ul className="browser-list">
        {current?.parent && (
          <li>
            <button type="button" className="browser-item" onClick={() => setPath(current.parent ?? undefined)}>
              <CornerLeftUp size={16} /> Up
            </button>
          </li>
        )}
        {current?.folders.map((folder) => (
          <li key={folder.path}>
            <button type="button" className="browser-item" onClick={() => setPath(folder.path)}>
              <Folder size={16} /> {folder.name}
            </button>
          </li>
        ))}
        {current && current.folders.length === 0 && <li className="muted small">No subfolders here.</li>}
      </ul>
      {current && createFolder && <NewFolderForm key={current.path} parent={current.path} create={createFolder} onCreated={created} />}
    </Modal>
  );
}
