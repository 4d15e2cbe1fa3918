/** Online state as the scheduler sees it, with why. */
export interface OnlineState {
  readonly online: boolean;
  readonly reason: string;
}

/** Options of the monitor; the intervals are short enough that work resumes within 5 s of the network returning. */
export interface OnlineMonitorOptions {
  /**
   * A URL on fal's side (fal's queue host, the proxy, or the fake in tests): any HTTP answer means reachable. A
   * function is asked at every probe, so a proxy saved in Settings is what the next probe reaches.
   */
  readonly probeUrl: string | (() => string);
  readonly fetch?: typeof fetch;
  /** Probe period while offline (default 2 s) and while online (default 60 s). */
  readonly offlineIntervalMs?: number;
  readonly onlineIntervalMs?: number;
  readonly probeTimeoutMs?: number;
}

/**
 * Knows whether fal can be reached. Three inputs: a cheap probe of fal's host (any HTTP status counts as
 * reachable; only a failed connection is offline), the host's own signals (Electron's `net.isOnline`, resume from
 * sleep), and failures the job runner saw. Offline, it probes often so jobs go out soon after the network returns.
 */
export class OnlineMonitor {
  private state: OnlineState = { online: true, reason: 'not checked yet' };
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(state: OnlineState) => void>();
  private stopped = true;
  private probing: Promise<void> | undefined;

  constructor(private readonly options: OnlineMonitorOptions) {}

  get current(): OnlineState {
    return this.state;
  }

  /** Calls back on every change of online state; returns the unsubscribe function. */
  onChange(listener: (state: OnlineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Probes now, then keeps probing on a timer until stop(). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.probeNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A fal call failed to connect: go offline at once and start fast probing. */
  reportOffline(reason = 'fal could not be reached'): void {
    this.set({ online: false, reason });
    this.schedule();
  }

  /**
   * A fal call's connection broke or got no answer in time: maybe the network, maybe one bad call. Probe now (at
   * most one at a time), so going offline is seen in seconds rather than at the next scheduled probe.
   */
  suspect(): void {
    if (!this.stopped) void this.probeNow();
  }

  /** The host says the network changed (Electron `net`) or the machine woke up: check now rather than later. */
  hostSignal(kind: 'online' | 'offline' | 'resume'): void {
    if (kind === 'offline') this.reportOffline('the computer is offline');
    else void this.probeNow();
  }

  /** One probe; concurrent callers share it. */
  probeNow(): Promise<void> {
    this.probing ??= this.probe().finally(() => {
      this.probing = undefined;
      this.schedule();
    });
    return this.probing;
  }

  private async probe(): Promise<void> {
    const fetchImpl = this.options.fetch ?? fetch;
    try {
      const url = typeof this.options.probeUrl === 'function' ? this.options.probeUrl() : this.options.probeUrl;
      const response = await fetchImpl(url, { method: 'HEAD', signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? 4000) });
      await response.body?.cancel().catch(() => undefined);
      this.set({ online: true, reason: 'fal is reachable' });
    } catch {
      this.set({ online: false, reason: 'fal could not be reached' });
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.state.online ? (this.options.onlineIntervalMs ?? 60_000) : (this.options.offlineIntervalMs ?? 2_000);
    this.timer = setTimeout(() => void this.probeNow(), delay);
    this.timer.unref();
  }

  private set(next: OnlineState): void {
    const changed = next.online !== this.state.online;
    this.state = next;
    if (changed) for (const listener of this.listeners) listener(next);
  }
}
