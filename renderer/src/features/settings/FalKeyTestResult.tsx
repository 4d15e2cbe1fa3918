import { CircleAlert, CircleCheck, WifiOff } from 'lucide-react';
import type { FalKeyTest } from '../../../../electron/shared';

const LOOK: Record<FalKeyTest['result'], { tone: string; label: string; Icon: typeof CircleCheck }> = {
  valid: { tone: 'note-success', label: 'Valid', Icon: CircleCheck },
  invalid: { tone: 'note-danger', label: 'Invalid', Icon: CircleAlert },
  unreachable: { tone: 'note-warning', label: 'Unreachable', Icon: WifiOff },
  no_key: { tone: 'note-info', label: 'No key', Icon: CircleAlert },
  unexpected: { tone: 'note-warning', label: 'Not checked', Icon: CircleAlert },
};

/** What "Test key" found: valid, invalid or unreachable, with fal's own words. */
export function FalKeyTestResult({ test, tested }: { test: FalKeyTest; tested: 'typed' | 'saved' }) {
  const { tone, label, Icon } = LOOK[test.result];
  return (
    <div className={`note ${tone}`} role="status" aria-label="Key test result">
      <Icon size={16} aria-hidden />
      <span>
        <strong>{label}:</strong> {test.message}
        {tested === 'typed' && test.result === 'valid' && ' Save it to use it.'}
      </span>
    </div>
  );
}
