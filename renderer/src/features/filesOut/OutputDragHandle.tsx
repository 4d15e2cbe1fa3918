import { GripVertical } from 'lucide-react';
import { useHost } from '../../api/HostProvider';

/**
 * A grip to drag one output out of the window onto another app or a folder (the host decides how: a file drag in
 * the desktop app, a download in a browser). A grip rather than the picture itself, whose drag moves the
 * before/after line.
 */
export function OutputDragHandle({ jobId, path, target }: { jobId: string; path: string; target: string }) {
  const host = useHost();
  const label = `Drag ${target} to another app or a folder`;
  return (
    <span className="btn btn-icon btn-small drag-out" role="img" aria-label={label} title={label} draggable onDragStart={(event) => host.dragOutput(event, { jobId, path })}>
      <GripVertical size={14} aria-hidden />
    </span>
  );
}
