/**
 * Integer US cents as dollars for display: 135 -> "$1.35", 5 -> "$0.05", 123456 -> "$1,234.56", -30 -> "-$0.30".
 * Works on integers only, so no float rounding can creep into a displayed amount.
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Money must be a whole number of cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const remainder = absolute % 100;
  // Subtracting first keeps the division exact: a bare absolute / 100 can round up for very large amounts.
  const dollars = ((absolute - remainder) / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(remainder).padStart(2, '0')}`;
}
