import { useEffect, useState } from 'react';
import { useHost } from './HostProvider';

/** False while the page has lost its live connection to the host (headless server restarting, network). */
export function useConnected(): boolean {
  const host = useHost();
  const [connected, setConnected] = useState(true);
  useEffect(() => host.onConnectionChange(setConnected), [host]);
  return connected;
}
