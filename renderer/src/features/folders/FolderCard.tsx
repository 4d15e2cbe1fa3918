import { Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Folder } from '../../../../electron/shared';
import { formatCents } from '../../ui/format';
import { FolderStatusBadge } from './FolderStatusBadge';
import { IconButton } from '../../ui/IconButton';
import { PreflightCounts } from '../preflight/PreflightCounts';
import { pollingWords } from './watchMethodWords';

interface Props {
  folder: Folder;
  profileName: string;
  /** The folder's monthly budget cap in cents; null when it has none. */
  capCents: number | null;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One watched folder: path, profile, options and budget cap, status with its reason, counts, and its controls. */
export function FolderCard({ folder, profileName, capCents, onToggle, onEdit, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const options = [
    folder.recursive && 'subfolders',
    pollingWords(folder),
    folder.trusted && 'trusted (bursts run without asking)',
    folder.reviewFirst && 'review first (nothing goes to fal before you approve)',
    folder.shared && 'shared with the team',
    capCents !== null && `cap ${formatCents(capCents)} a month`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="folder-card">
      <div className="folder-main">
        <div className="folder-title">
          <span className="mono folder-path" title={folder.path}>{folder.path}</span>
          <FolderStatusBadge status={folder.status} reason={folder.statusReason} />
        </div>
        <div className="muted small">
          Profile <strong>{profileName}</strong>
          {options && ` · ${options}`}
        </div>
        {folder.statusReason && <div className={`small ${folder.status === 'error' ? 'text-danger' : 'text-warning'}`}>{folder.statusReason}</div>}
        <PreflightCounts counts={folder.counts.preflight} className="muted" />
      </div>
      <dl className="counts">
        <div><dt>Waiting</dt><dd>{folder.counts.waiting}</dd></div>
        <div><dt>Done</dt><dd>{folder.counts.done}</dd></div>
        <div><dt>Failed</dt><dd className={folder.counts.failed > 0 ? 'text-danger' : ''}>{folder.counts.failed}</dd></div>
        <div title="Copies of images already made with this profile: listed in History, not paid for"><dt>Skipped</dt><dd>{folder.counts.skipped ?? 0}</dd></div>
      </dl>
      <div className="folder-actions">
        <label className="switch" title={folder.enabled ? 'Turn off' : 'Turn on'}>
          <input type="checkbox" checked={folder.enabled} onChange={(event) => onToggle(event.target.checked)} aria-label={`Watch ${folder.path}`} />
          <span className="switch-track" />
        </label>
        <IconButton label={`Edit ${folder.path}`} tooltip="Edit this folder" icon={<Pencil size={16} aria-hidden />} onClick={onEdit} />
        {confirming ? (
          <>
            <button type="button" className="btn btn-danger btn-small" onClick={onRemove}>Remove</button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>Keep</button>
          </>
        ) : (
          <IconButton label={`Remove ${folder.path}`} tooltip="Stop watching and remove" icon={<Trash2 size={16} aria-hidden />} onClick={() => setConfirming(true)} />
        )}
      </div>
    </li>
  );
}
