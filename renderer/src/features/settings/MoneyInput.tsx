import type { InputHTMLAttributes } from 'react';

/** A text field for dollars with a "$" in front; typed text is validated by the form, never coerced to a float. */
export function MoneyInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <span className="money-input">
      <span className="money-sign" aria-hidden>$</span>
      <input type="text" inputMode="decimal" autoComplete="off" placeholder="No cap" {...props} />
    </span>
  );
}
