import { Layers } from 'lucide-react';
import { PAGES, sidebarPage, type PageId } from './routes';
import { QueueBadge } from './QueueBadge';

/** The app's navigation, with the queue state always in view. */
export function Sidebar({ current: page }: { current: PageId }) {
  const current = sidebarPage(page);
  return (
    <aside className="sidebar">
      <div className="brand">
        <Layers size={22} aria-hidden />
        <span>Smart Resize</span>
      </div>
      <nav aria-label="Pages">
        {PAGES.map(({ id, label, icon: Icon }) => (
          <a key={id} href={`#/${id}`} className={`nav-link ${id === current ? 'active' : ''}`} aria-current={id === current ? 'page' : undefined}>
            <Icon size={18} aria-hidden />
            {label}
          </a>
        ))}
      </nav>
      <div className="sidebar-footer">
        <QueueBadge />
      </div>
    </aside>
  );
}
