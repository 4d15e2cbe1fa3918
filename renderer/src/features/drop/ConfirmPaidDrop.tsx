import { CircleAlert, Eye, Send, X } from 'lucide-react';
import { formatCents, formatCentsRange } from '../../ui/format';

/** What the drop would send at most, and the threshold it is above. */
export interface PaidDropQuestion {
  readonly images: number;
  readonly minCents: number;
  readonly maxCents: number;
  readonly thresholdCents: number;
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
        <p id="confirm-paid-title">
          <strong>
            {question.images === 1 ? 'This image' : `These ${question.images} images`} may cost up to {formatCents(question.maxCents)} at fal
          </strong>{' '}
          ({formatCentsRange(question.minCents, question.maxCents)}), more than the {formatCents(question.thresholdCents)} you asked to be asked about.
        </p>
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
