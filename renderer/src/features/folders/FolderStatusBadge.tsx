import { CircleAlert, Eye, HardDrive, PowerOff } from 'lucide-react';
import type { FolderStatus } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';

/** A watched folder's live status. */
export function FolderStatusBadge({ status, reason }: { status: FolderStatus; reason: string | null }) {
  const title = reason ?? undefined;
  if (status === 'watching') return <Badge tone="success" icon={<Eye size={14} />}>Watching</Badge>;
  if (status === 'standby') return <Badge tone="warning" icon={<HardDrive size={14} />} title={title}>Standby</Badge>;
  if (status === 'error') return <Badge tone="danger" icon={<CircleAlert size={14} />} title={title}>Error</Badge>;
  return <Badge icon={<PowerOff size={14} />}>Off</Badge>;
}
