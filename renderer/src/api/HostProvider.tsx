import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from '../../../electron/shared';
import type { Host } from './hostTypes';

const HostContext = createContext<Host | null>(null);

/** Makes the host available to every component below. */
export function HostProvider({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The host the page runs in. */
export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost needs a HostProvider above it.');
  return host;
}

/** The typed API, whatever the transport. */
export function useApi(): RendererApi {
  return useHost().api;
}
