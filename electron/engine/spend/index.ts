// Spend: the exact ledger, estimates, budget caps with reservations, and hot-folder bursts.
export { SpendService, type SpendServiceOptions, type HeldWork } from './spendService';
export { SpendLedger, jobChargeCents } from './spendLedger';
export { Reservations, type Reservation } from './reservations';
export { SpendRecorder } from './spendRecorder';
export { BURST_REASON } from './burstGate';
export { estimateJob, type JobEstimate } from './estimateJob';
export { budgetOf, type BudgetSettings } from './budgetSettings';
export { spendPeriods, localDayKey } from './spendPeriods';
export { ledgerToCsv } from './ledgerCsv';
export { formatTiers, type LedgerEntry, type LedgerKind, type NewLedgerEntry, type SpendRange } from './ledgerTypes';
export type { SpendSummaryData } from './spendSummary';
