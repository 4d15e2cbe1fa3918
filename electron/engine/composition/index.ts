/** Composition: what must stay whole in a picture, and how each size is laid out and filled around it. */
export { SubjectDetector } from './detection';
export { planComposition } from './planner';
export { FILL_STYLES } from './fills';
export type { FillOptions, FillStyle } from './fills';
export type { Subject } from './subjects';
export type { UserMarks } from './userMarks';
