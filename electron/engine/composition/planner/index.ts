/** Layout planning: a scored choice per size among crop, crop with the least pad, and pad. */
export { planComposition } from './planComposition';
export type { ScoredPlan } from './planComposition';
export type { CompositionPlan, LayoutMethod } from './compositionPlan';
export { routeAutoSize } from './routeBySize';
