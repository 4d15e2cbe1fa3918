import type { ReactNode } from 'react';

interface Props {
  /** What the button does, for screen readers and as the tooltip ("Cancel beach.jpg"). Required: it has no text. */
  label: string;
  /** A shorter tooltip when the label names its object at length; default the label. */
  tooltip?: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  small?: boolean;
}

/** A button showing only an icon: it always carries an accessible name and a tooltip, so nobody has to guess. */
export function IconButton({ label, tooltip, icon, onClick, disabled, small }: Props) {
  return (
    <button type="button" className={`btn btn-icon${small ? ' btn-small' : ''}`} onClick={onClick} disabled={disabled} aria-label={label} title={tooltip ?? label}>
      {icon}
    </button>
  );
}
