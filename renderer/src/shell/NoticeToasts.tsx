import { CircleAlert, Info, TriangleAlert, X } from 'lucide-react';
import { useNotices } from './useNotices';

const ICONS = { info: Info, warning: TriangleAlert, error: CircleAlert } as const;
const TONES = { info: 'note-info', warning: 'note-warning', error: 'note-danger' } as const;

/** The host's notices (a file a watched folder could not read, ...) as dismissable toasts in a corner of the window. */
export function NoticeToasts() {
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notice-toasts" role="log" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => {
        const Icon = ICONS[notice.level];
        return (
          <div key={notice.id} className={`note notice-toast ${TONES[notice.level]}`} data-testid="notice-toast">
            <Icon size={16} aria-hidden />
            <span className="notice-text">{notice.message}</span>
            <button type="button" className="btn btn-icon" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
              <X size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
