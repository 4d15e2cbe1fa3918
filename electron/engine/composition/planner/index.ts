/** Layout planning: a scored choice per size among crop, crop with the least pad, and pad. */
export { planComposition } from './planComposition';
export type { PlanningInput, ScoredPlan } from './planComposition';
export type { CompositionPlan, LayoutMethod } from './compositionPlan';
export { routeAutoSize, AUTO_LOCAL_MAX_FILL } from './routeBySize';
export type { AutoRoute } from './routeBySize';
export type { LayoutScore } from './layoutScore';
