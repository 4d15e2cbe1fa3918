import { X } from 'lucide-react';
import { formatBytes } from '../../ui/format';

/** The files waiting for "Start", removable one by one. */
export function StagedFiles({ files, onRemove }: { files: File[]; onRemove: (index: number) => void }) {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  return (
    <div className="staged">
      <div className="muted small">
        {files.length} file{files.length === 1 ? '' : 's'} · {formatBytes(total)}
      </div>
      <ul className="staged-list">
        {files.map((file, index) => (
          <li key={`${file.name}-${index}`}>
            <span className="staged-name" title={file.name}>{file.name}</span>
            <span className="muted small">{formatBytes(file.size)}</span>
            <button type="button" className="btn btn-icon btn-small" onClick={() => onRemove(index)} aria-label={`Remove ${file.name}`}>
              <X size={14} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
