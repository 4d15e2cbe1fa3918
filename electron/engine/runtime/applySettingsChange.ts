import type { Settings } from '../settings/settingsSchema';
import type { EngineParts } from './engineParts';

/**
 * Puts saved settings to work in the running engine, so none waits for a restart. Most are read where they are used
 * (the fal key and proxy by each new fal client, the default provider by each job, budgets by each reservation, the
 * pixel limit by each job start); the ones held by long-lived parts are handed to them here.
 */
export function applySettingsChange(engine: EngineParts, before: Settings, after: Settings): void {
  if (after.concurrency !== before.concurrency) engine.scheduler.setConcurrency(after.concurrency);
  if (after.settleMs !== before.settleMs) engine.folders.setSettleMs(after.settleMs);
  if (after.falProxyUrl !== before.falProxyUrl || after.defaultProvider !== before.defaultProvider) {
    // Reachability was judged for the old route to fal: look again now, rather than at the next timed probe.
    void engine.online.probeNow().then(() => engine.scheduler.pump());
    engine.scheduler.pump();
  }
}
