import { FileArchive } from 'lucide-react';
import { zipDownloadPath, type ZipSelection } from '../../../../electron/shared/outputFiles';
import { useHost } from '../../api/HostProvider';

/**
 * "Download zip": in a browser, a link to the server's zip of these jobs' outputs (sizes as folders); the page's
 * launch-token cookie goes with it. The desktop app reaches its files on disk (Show in folder), so it shows none.
 */
export function ZipDownloadLink({ selection, what }: { selection: ZipSelection; what: string }) {
  const host = useHost();
  if (host.kind !== 'browser') return null;
  return (
    <a className="btn" href={zipDownloadPath(selection)} download title={`Download ${what} as one zip`}>
      <FileArchive size={16} aria-hidden /> Download zip
    </a>
  );
}
