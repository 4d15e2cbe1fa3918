import type { ApiHandlers } from '../../shared/contract/types';
import type { Settings as ApiSettings } from '../../shared/schemas/settings';
import { storeHandlers } from './storeHandlers';
import { SmartResizeError } from '../../domain/errors';
import type { EngineParts } from '../runtime/engineParts';
import type { HostServices } from './hostServices';
import { queueState } from './queueState';
import { thumbnailDataUrl } from './thumbnail';

type SystemHandlers = Pick<ApiHandlers, 'queue' | 'settings' | 'falKey' | 'shell' | 'dialog' | 'media'>;

/** queue, settings, falKey, shell, dialog and media: the engine plus what only the host can do. */
export function systemHandlers(engine: EngineParts, host: HostServices): SystemHandlers {
  const settingsView = (): ApiSettings => {
    const settings = engine.settings.get();
    return {
      concurrency: settings.concurrency,
      defaultProvider: settings.defaultProvider,
      namingTemplate: settings.namingTemplate,
      collisionPolicy: settings.collisionPolicy,
      falProxyUrl: settings.falProxyUrl ?? null,
      settleMs: settings.settleMs,
      pixelLimit: settings.pixelLimit,
      falDeadlineSeconds: settings.falDeadlineSeconds,
      confirmAboveCents: settings.confirmAboveCents,
      dataFolder: engine.dataDir,
      closeToTray: settings.closeToTray,
      startAtLogin: settings.startAtLogin,
    };
  };
  const keyStatus = () => {
    const source = engine.fal.keySource();
    return { configured: source !== 'none', storage: source === 'store' ? host.keyStorage : source };
  };
  // The UI may only look at files the app handled: a job's source or output, never an arbitrary path.
  const requireJobFile = async (path: string) => {
    if (!(await engine.store.outputs.isJobFile(path))) throw new SmartResizeError('file_unreadable', 'That file is not a source or an output of any job.');
  };
  return {
    queue: {
      state: async () => queueState(engine),
      pause: async () => {
        engine.pause('user');
        return queueState(engine);
      },
      resume: async () => {
        engine.resume();
        return queueState(engine);
      },
    },
    settings: {
      ...storeHandlers(engine),
      get: async () => settingsView(),
      update: async (patch) => {
        const { falProxyUrl, ...rest } = patch;
        const saved = engine.updateSettings({ ...rest, ...(falProxyUrl !== undefined && { falProxyUrl: falProxyUrl ?? undefined }) });
        host.onSettingsChanged?.({ startAtLogin: saved.startAtLogin, closeToTray: saved.closeToTray });
        return settingsView();
      },
    },
    falKey: {
      status: async () => keyStatus(),
      set: async ({ key }) => {
        engine.setFalKey(key);
        return keyStatus();
      },
      clear: async () => {
        engine.clearFalKey();
        return keyStatus();
      },
      test: async (input) => engine.fal.testKey(input?.key),
    },
    shell: {
      openPath: async ({ path }) => {
        await requireJobFile(path);
        await host.openPath(path);
        return { ok: true as const };
      },
      revealPath: async ({ path }) => {
        await requireJobFile(path);
        await host.revealPath(path);
        return { ok: true as const };
      },
    },
    dialog: {
      pickFolder: async (input) => ({ path: await host.pickFolder(input?.title) }),
    },
    media: {
      thumbnail: async ({ path, maxSide }) => {
        await requireJobFile(path);
        return { dataUrl: await thumbnailDataUrl(path, maxSide) };
      },
    },
  };
}
