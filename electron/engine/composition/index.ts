/** Composition: what must stay whole in a picture, and how each size is laid out and filled around it. */
export { findSubjects } from './findSubjects';
export type { FindSubjectsOptions } from './findSubjects';
export { SubjectDetector, sharedDetector } from './detection';
export type { Detection } from './detection';
export { planComposition, routeAutoSize } from './planner';
export type { CompositionPlan, LayoutMethod, ScoredPlan } from './planner';
export { DEFAULT_FILL, FILL_STYLES } from './fills';
export type { FillOptions, FillStyle } from './fills';
export type { SafeInsets } from './safeZone';
export type { Subject, SubjectKind } from './subjects';
export { NO_MARKS, marksAsSubjects } from './userMarks';
export type { UserMarks } from './userMarks';
