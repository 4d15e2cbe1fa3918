import { contextBridge } from 'electron';

// The full API contract is exposed here by the hosts issue; for now the page only learns which host it runs in.
contextBridge.exposeInMainWorld('smartResizeHost', { kind: 'electron' as const });
