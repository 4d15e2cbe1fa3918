import { Unplug } from 'lucide-react';
import { useConnected } from '../api/useConnection';

/** Says so when the live connection to the host is lost; it reconnects by itself. */
export function ConnectionBanner() {
  const connected = useConnected();
  if (connected) return null;
  return (
    <div className="connection-banner" role="status">
      <Unplug size={16} aria-hidden /> Lost the connection to Smart Resize. Reconnecting…
    </div>
  );
}
