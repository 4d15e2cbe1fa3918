import { pageLabel, type PageId } from './routes';

/**
 * A page's place held while its code loads (first visit, slow disk): its name and the shape of what is coming, and
 * a status screen readers announce. Not a heading, so nothing mistakes it for the page itself.
 */
export function PageSkeleton({ page }: { page: PageId }) {
  const label = pageLabel(page);
  return (
    <div className="page-skeleton" role="status" aria-label={`Opening ${label}…`}>
      <div>
        <div className="skeleton-title">{label}</div>
        <p className="muted">Opening {label}…</p>
      </div>
      <div className="skeleton-card" />
      <div className="skeleton-card tall" />
    </div>
  );
}
