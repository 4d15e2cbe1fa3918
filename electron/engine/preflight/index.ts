/** Preflight: every output checked against its placement (pixels, aspect, weight, format, colour, upscale, safe zone). */
export * from './preflightInput';
export * from './runPreflight';
export * from './inspectImage';
export { weightLimit } from './fileChecks';
export { upscaleFactor, UPSCALE_NOTE_FACTOR } from './sourceChecks';
export * from './preflightFile';
export { keepBoxesInOutput, safeInsetsFor } from './keepBoxes';
