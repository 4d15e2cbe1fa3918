import { formatCents } from '../../pricing';

/** One cap that applies to a job, with what counts against it now. */
export interface CapStanding {
  /** For people: "Daily budget $5.00". */
  readonly label: string;
  readonly capCents: number;
  /** Charged in the cap's period. */
  readonly spentCents: number;
  /** Reserved for requests in flight (admitted, not priced yet). */
  readonly reservedCents: number;
  /** Charged in the cap's period plus reserved for requests in flight. */
  readonly usedCents: number;
}

/** A cap that holds a request: which one, and the reason shown on held jobs. */
export interface CapHold {
  readonly label: string;
  readonly reason: string;
}

/**
 * The first cap `cents` more would cross, with the reason shown on held jobs. It says what the cap is made of, so
 * a cap filled by money reserved for requests still at fal is not mistaken for money spent: "Daily budget $3.50
 * reached: $3.05 spent + $0.45 reserved for work in flight" (and, when some room is left, how much and what the
 * next request may cost).
 */
export function capCrossed(standings: readonly CapStanding[], cents: number): CapHold | undefined {
  const crossed = standings.find((standing) => standing.usedCents + cents > standing.capCents);
  if (!crossed) return undefined;
  const parts = [`${formatCents(crossed.spentCents)} spent`];
  if (crossed.reservedCents > 0) parts.push(`${formatCents(crossed.reservedCents)} reserved for work in flight`);
  const left = crossed.capCents - crossed.usedCents;
  const room = left > 0 ? `; ${formatCents(left)} left, the next request may cost up to ${formatCents(cents)}` : '';
  return { label: crossed.label, reason: `${crossed.label} reached: ${parts.join(' + ')}${room}` };
}

/** The least money left under any of the caps (Infinity with no caps). */
export function headroom(standings: readonly CapStanding[]): number {
  return standings.reduce((least, standing) => Math.min(least, standing.capCents - standing.usedCents), Infinity);
}
