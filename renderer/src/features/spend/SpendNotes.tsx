import { CircleHelp, PiggyBank } from 'lucide-react';
import { formatCents } from '../../ui/format';

/** What smart routing saved: sizes the `auto` policy kept on the free local engine, priced as fal would have. */
export function SavingsNote({ cents }: { cents: number }) {
  if (cents === 0) return null;
  return (
    <p className="note note-success" data-testid="spend-savings">
      <PiggyBank size={16} aria-hidden />
      <span>
        Smart routing: the local engine saved you <strong>{formatCents(cents)}</strong> by making sizes it could do as well as fal, for free.
      </span>
    </p>
  );
}

/**
 * Requests fal refused after running (422), or that the person cancelled while fal ran them, may still be billed
 * for the GPU time. They are not in the totals,
 * because fal does not say whether it charged; they are shown apart so the person can check fal's invoice.
 */
export function MayBeBilledNote({ cents }: { cents: number }) {
  if (cents === 0) return null;
  return (
    <p className="note note-warning" data-testid="spend-may-be-billed">
      <CircleHelp size={16} aria-hidden />
      <span>
        <strong>{formatCents(cents)} may be billed</strong> for requests fal rejected after starting work (422) or that were cancelled while fal ran them. fal may charge for the GPU
        time they used, or not; they are not counted in the totals above. Check your fal dashboard for the final word.
      </span>
    </p>
  );
}
