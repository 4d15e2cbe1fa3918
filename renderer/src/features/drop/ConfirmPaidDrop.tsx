import { CircleAlert, Eye, Send, X } from 'lucide-react';
import { formatCents, formatCentsRange } from '../../ui/format';

/** What the drop would send at most (the engine's quote of its paths), and the threshold it is above. */
export interface PaidDropQuestion {
  /** New images: what is paid for. */
  readonly images: number;
  /** Copies of images already made with this profile: left out, dedupe skips them and nothing is paid. */
  readonly alreadyMade: number;
  readonly minCents: number;
  readonly maxCents: number;
  readonly thresholdCents: number;
  /** Asked again: the maximum confirmed before, which the engine found too low (the drop grew since). */
  readonly confirmedBeforeCents?: number;
}

/** "This image", "These 3 images", or with copies left out "The 1 new image of 2". */
function imagesLabel({ images, alreadyMade }: PaidDropQuestion): string {
  if (alreadyMade > 0) return `The ${images} new image${images === 1 ? '' : 's'} of ${images + alreadyMade}`;
  return images === 1 ? 'This image' : `These ${images} images`;
}

/**
 * Asked before a drop whose paid work may cost more than the person's threshold (Settings): the maximum it may cost,
 * and three ways on. Cancel queues nothing at all (the files stay staged here); review first makes every size
 * locally and sends nothing to fal until approved.
 */
export function ConfirmPaidDrop({ question, onSend, onReviewFirst, onCancel }: { question: PaidDropQuestion; onSend: () => void; onReviewFirst: () => void; onCancel: () => void }) {
  return (
    <div className="note note-warning confirm-paid" role="alertdialog" aria-labelledby="confirm-paid-title" data-testid="confirm-paid">
      <CircleAlert size={18} aria-hidden />
      <div>
        {question.confirmedBeforeCents !== undefined && (
          <p className="small" data-testid="confirm-paid-changed">
            The drop changed since you confirmed {formatCents(question.confirmedBeforeCents)}: nothing was sent. Here is what it may cost now.
          </p>
        )}
        <p id="confirm-paid-title">
          <strong>
            {imagesLabel(question)} may cost up to {formatCents(question.maxCents)} at fal
          </strong>
          {/* The range only when there is one: "up to $0.50 ($0.50)" says the price twice. */}
          {question.minCents < question.maxCents ? ` (${formatCentsRange(question.minCents, question.maxCents)}), ` : ', '}more than the {formatCents(question.thresholdCents)} you asked to be asked about.
        </p>
        {question.minCents < question.maxCents && (
          <p className="muted small" data-testid="confirm-paid-top">
            The maximum counts each image at fal’s 4K price, what an answer naming no tier is recorded at, so the charge never passes it; the tier fal names decides the charge.
          </p>
        )}
        {question.alreadyMade > 0 && (
          <p className="small" data-testid="confirm-paid-left-out">
            {question.alreadyMade} already made with this profile, left out: {question.alreadyMade === 1 ? 'it is recorded as a copy, nothing is paid for it' : 'they are recorded as copies, nothing is paid for them'}.
          </p>
        )}
        <p className="muted small">Cancel queues nothing: no file is sent and nothing is paid; the files stay here. Review first makes every size locally (free) and waits for your approval before anything goes to fal.</p>
        <div className="confirm-actions">
          <button type="button" className="btn btn-primary" onClick={onSend}>
            <Send size={16} aria-hidden /> Send, up to {formatCents(question.maxCents)}
          </button>
          <button type="button" className="btn" onClick={onReviewFirst}>
            <Eye size={16} aria-hidden /> Review first instead
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            <X size={16} aria-hidden /> Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
