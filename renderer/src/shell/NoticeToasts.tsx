import { CircleAlert, Info, TriangleAlert, X } from 'lucide-react';
import { useFolders } from '../features/folders/useFolders';
import { useHeldWork } from '../features/spend/useHeldWork';
import { baseName } from '../ui/format';
import { noticeText } from './noticeText';
import { useNotices } from './useNotices';
import { IconButton } from '../ui/IconButton';

const ICONS = { info: Info, warning: TriangleAlert, error: CircleAlert } as const;
const TONES = { info: 'note-info', warning: 'note-warning', error: 'note-danger' } as const;

/** The host's notices (a file a watched folder could not read, ...) as dismissable toasts in a corner of the window. */
export function NoticeToasts() {
  const { notices, dismiss } = useNotices();
  const held = useHeldWork();
  const folders = useFolders();
  if (notices.length === 0) return null;
  const folderName = (id: string) => {
    const folder = folders.data?.find((candidate) => candidate.id === id);
    return folder ? baseName(folder.path) : 'A watched folder';
  };
  return (
    <div className="notice-toasts" role="log" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => {
        const Icon = ICONS[notice.level];
        return (
          <div key={notice.id} className={`note notice-toast ${TONES[notice.level]}`} data-testid="notice-toast">
            <Icon size={16} aria-hidden />
            <span className="notice-text">{noticeText(notice, held.data, folderName)}</span>
            <IconButton label="Dismiss notice" icon={<X size={14} aria-hidden />} onClick={() => dismiss(notice.id)} />
          </div>
        );
      })}
    </div>
  );
}
