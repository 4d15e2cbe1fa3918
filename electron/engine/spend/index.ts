// Spend policy: estimates, the budget guard (caps with reservations), releasing held work (bursts, caps) and the
// reports. The ledger, reservation and burst rows themselves are the store's (store.ledger, .reservations, .bursts).
export { estimateJob } from './estimateJob';
export { budgetOf, type BudgetSettings } from './budgetSettings';
export { spendPeriods, localDayKey } from './spendPeriods';
export { formatTiers } from './ledgerTypes';
export { SpendRecorder } from './spendRecorder';
export { CapGuard } from './budgetGuard/capGuard';
export { BudgetNotices, type NoticeSink } from './budgetGuard/budgetNotices';
export { SpendAdmission } from './budgetGuard/spendAdmission';
export { BurstGate, BURST_REASON } from './heldWork/burstGate';
export { BurstRelease } from './heldWork/burstRelease';
export { CapRelease } from './heldWork/capRelease';
export { BudgetControl } from './heldWork/budgetControl';
export type { ProfileVersionReader } from './heldWork/jobEstimator';
export { SpendReports } from './reports/spendReports';
export { ledgerToCsv } from './reports/ledgerCsv';
export type { SpendSummaryData } from './reports/spendSummary';
