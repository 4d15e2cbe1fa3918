import { Wallet } from 'lucide-react';
import { useFolders } from '../features/folders/useFolders';
import { useHeldWork } from '../features/spend/useHeldWork';
import { baseName } from '../ui/format';
import { HeldBurstRow } from './HeldBurstRow';

/**
 * Work waiting for the person, on every page: hot-folder bursts that ask before spending, and jobs a budget cap
 * holds, with the cap's reason and the way to raise it.
 */
export function HeldWorkBanner() {
  const held = useHeldWork();
  const folders = useFolders();
  const work = held.data;
  if (!work || (work.burst.length === 0 && work.cap.jobs === 0)) return null;
  const folderName = (id: string | null) => {
    if (id === null) return null;
    const folder = folders.data?.find((candidate) => candidate.id === id);
    return folder ? baseName(folder.path) : 'a watched folder';
  };
  return (
    <div className="held-banner" role="region" aria-label="Work waiting for you">
      {work.burst.map((burst) => (
        <HeldBurstRow key={burst.folderId ?? 'dropped'} burst={burst} folderName={folderName(burst.folderId)} />
      ))}
      {work.cap.jobs > 0 && (
        <div className="held-row" role="status">
          <Wallet size={16} aria-hidden />
          <span className="held-text">
            <strong>{work.cap.jobs} job{work.cap.jobs === 1 ? '' : 's'} waiting for budget</strong>
            {work.cap.reason && `: ${work.cap.reason}`}. They start when the cap is raised or the period rolls over.
          </span>
          <a className="btn btn-small" href="#/settings">Raise the cap</a>
        </div>
      )}
    </div>
  );
}
