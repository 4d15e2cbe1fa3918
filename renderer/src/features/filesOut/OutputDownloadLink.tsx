import { Download } from 'lucide-react';
import { outputDownloadPath } from '../../../../electron/shared/outputFiles';
import { useHost } from '../../api/HostProvider';

/** In a browser, an icon link downloading one output file (the desktop app opens and reveals it instead). */
export function OutputDownloadLink({ jobId, path, target }: { jobId: string; path: string; target: string }) {
  const host = useHost();
  if (host.kind !== 'browser') return null;
  const label = `Download ${target}`;
  return (
    <a className="btn btn-icon btn-small" href={outputDownloadPath({ jobId, path })} download aria-label={label} title={label}>
      <Download size={14} aria-hidden />
    </a>
  );
}
