import { X } from 'lucide-react';
import { formatBytes } from '../../ui/format';
import { IconButton } from '../../ui/IconButton';

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
            <IconButton small label={`Remove ${file.name}`} tooltip="Remove from the list" icon={<X size={14} aria-hidden />} onClick={() => onRemove(index)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
