/** The free local engine: subject-aware crop or content-aware pad to exact sizes, from one decode. */
export { detectSubject } from './detectSubject';
export { cropKeepsSubject, coverWindow, planLayout } from './planLayout';
export { decodeScaleForTargets } from './decodeScale';
export { renderLocalSizes } from './renderLocalSizes';
export { renderLocalFile } from './renderLocalFile';
export { decodeWithSubjects } from './decodeWithSubjects';
export { DEFAULT_QUALITY } from './encodeOutput';
