// Spend policy: estimates, the budget guard (caps with reservations), releasing held work (bursts, caps) and the
// reports. The ledger, reservation and burst rows themselves are the store's (store.ledger, .reservations, .bursts).
export { estimateJob, CHEAPEST_REQUEST_CENTS, type JobEstimate } from './estimateJob';
export { budgetOf, type BudgetSettings } from './budgetSettings';
export { spendPeriods, localDayKey } from './spendPeriods';
export { formatTiers } from './ledgerTypes';
export { SpendRecorder, type SpendRecorderDeps } from './spendRecorder';
export { CapGuard, type CapGuardDeps } from './budgetGuard/capGuard';
export { BudgetNotices, type NoticeSink } from './budgetGuard/budgetNotices';
export { SpendAdmission } from './budgetGuard/spendAdmission';
export type { CapHold, CapStanding } from './budgetGuard/capCheck';
export { BurstGate, BURST_REASON, type BurstGateDeps } from './heldWork/burstGate';
export { BurstRelease, type BurstReleaseDeps } from './heldWork/burstRelease';
export { CapRelease, type CapReleaseDeps } from './heldWork/capRelease';
export { BudgetControl, type BudgetControlDeps } from './heldWork/budgetControl';
export type { ProfileVersionReader } from './heldWork/jobEstimator';
export { SpendReports, type HeldWork, type SpendReportsDeps } from './reports/spendReports';
export { ledgerToCsv } from './reports/ledgerCsv';
export type { SpendSummaryData } from './reports/spendSummary';
