/** The free local engine: subject-aware crop or content-aware pad to exact sizes, from one decode. */
export { detectSubject } from './detectSubject';
export { cropKeepsSubject, coverWindow, planLayout } from './planLayout';
export type { LayoutPlan } from './planLayout';
export { decodeScaleForTargets } from './decodeScale';
export { renderLocalSizes } from './renderLocalSizes';
export type { LocalOutput, LocalRenderOptions } from './renderLocalSizes';
export { renderLocalFile } from './renderLocalFile';
export type { LocalFileResult } from './renderLocalFile';
export { DEFAULT_QUALITY } from './encodeOutput';
export type { EncodeOptions } from './encodeOutput';
export type { Box, Dims } from './geometry';
