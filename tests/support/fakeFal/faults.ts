import { uploadMatches } from './fileStore';
import type { FakeFalFault, FakeFalFaultRule, FakeFalJobFault, FakeFalRoute, FakeFalUpload } from './types';

/** What a call is about, to match fault rules against. */
export interface FaultSubject {
  readonly route: FakeFalRoute;
  readonly requestId: string | undefined;
  readonly upload: FakeFalUpload | undefined;
}

/** A registered fault; `remaining` counts down as calls hit it. */
export interface FaultHandle {
  /** Calls it will still hit. */
  readonly remaining: number;
  /** Withdraws it (a stalled call already held stays held until released). */
  cancel(): void;
}

/** How long `waitUntilStalled` waits by default: generous for a machine at load 10+, bounded all the same. */
const STALL_DEADLINE_MS = 300_000;

/** Holds calls hit by a stall fault until `release()`. */
export class StallHandle {
  private readonly held = new Set<() => void>();
  private readonly stallListeners: (() => void)[] = [];
  private released = false;

  /** Calls being held right now. */
  get heldCount(): number {
    return this.held.size;
  }

  /**
   * Resolves as soon as a call is being held (at once if one already is); rejects after `timeoutMs` if none came,
   * so a test whose call never arrives fails saying so instead of waiting out the runner's limit.
   */
  waitUntilStalled(timeoutMs = STALL_DEADLINE_MS): Promise<void> {
    if (this.held.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stallListeners.splice(this.stallListeners.indexOf(onStall), 1);
        reject(new Error(`No call matching the fault was held within ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      const onStall = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.stallListeners.push(onStall);
    });
  }

  /** Lets every held call go on to its normal answer; later hits are not held. */
  release(): void {
    this.released = true;
    for (const resume of this.held) resume();
    this.held.clear();
  }

  /** Used by the server: resolves when released, or when `gone` fires (the client or the server closed). */
  hold(gone: (onGone: () => void) => void): Promise<void> {
    if (this.released) return Promise.resolve();
    return new Promise((resolve) => {
      const resume = (): void => {
        this.held.delete(resume);
        resolve();
      };
      this.held.add(resume);
      gone(resume);
      this.stallListeners.splice(0).forEach((listener) => listener());
    });
  }
}

interface RouteRule {
  readonly routes: readonly FakeFalRoute[] | '*';
  readonly fault: FakeFalFault;
  readonly stall: StallHandle | undefined;
  readonly rule: FakeFalFaultRule;
  remaining: number;
  /** Matching calls still to let through before it hits. */
  toSkip: number;
}

interface JobRule {
  readonly fault: FakeFalJobFault;
  readonly imageKey: string | undefined;
  remaining: number;
}

function matches(rule: FakeFalFaultRule, subject: Pick<FaultSubject, 'requestId' | 'upload'>): boolean {
  if (rule.requestId !== undefined && rule.requestId !== subject.requestId) return false;
  return rule.imageKey === undefined || uploadMatches(subject.upload, rule.imageKey);
}

/** The programmable faults: route faults hit matching calls in the order they were added, job faults hit submits. */
export class FaultBook {
  private routeRules: RouteRule[] = [];
  private jobRules: JobRule[] = [];

  addRouteFault(routes: RouteRule['routes'], fault: FakeFalFault, rule: FakeFalFaultRule = {}, stall?: StallHandle): FaultHandle {
    const entry: RouteRule = { routes, fault, stall, rule, remaining: rule.times ?? 1, toSkip: rule.skip ?? 0 };
    this.routeRules.push(entry);
    return {
      get remaining() {
        return entry.remaining;
      },
      cancel: () => {
        entry.remaining = 0;
      },
    };
  }

  /** The fault for this call, if one matches (and counts the hit). */
  takeRouteFault(subject: FaultSubject): { fault: FakeFalFault; stall: StallHandle | undefined } | undefined {
    const entry = this.routeRules.find(
      (rule) => rule.remaining > 0 && (rule.routes === '*' || rule.routes.includes(subject.route)) && matches(rule.rule, subject),
    );
    if (!entry) return undefined;
    if (entry.toSkip > 0) {
      entry.toSkip -= 1;
      return undefined;
    }
    entry.remaining -= 1;
    this.routeRules = this.routeRules.filter((rule) => rule.remaining > 0);
    return { fault: entry.fault, stall: entry.stall };
  }

  addJobFault(fault: FakeFalJobFault, rule: FakeFalFaultRule = {}): void {
    this.jobRules.push({ fault, imageKey: rule.imageKey, remaining: rule.times ?? 1 });
  }

  /** The model fault for a new request about this upload, if one matches (and counts the hit). */
  takeJobFault(upload: FakeFalUpload | undefined): FakeFalJobFault | undefined {
    const entry = this.jobRules.find(
      (rule) => rule.remaining > 0 && (rule.imageKey === undefined || uploadMatches(upload, rule.imageKey)),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    this.jobRules = this.jobRules.filter((rule) => rule.remaining > 0);
    return entry.fault;
  }

  clear(): void {
    this.routeRules = [];
    this.jobRules = [];
  }
}
