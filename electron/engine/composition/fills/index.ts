/** Fills around a padded image: blur (default), extend, solid, mirror. */
export { renderPadded } from './renderPadded';
export { FILL_STYLES } from './fillStyle';
export type { FillOptions, FillStyle } from './fillStyle';
export { warmUpBackdropThreads } from './backdropThreads';
