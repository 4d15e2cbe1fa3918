// Hot folders: the engine runtime constructs a HotFolderManager and forwards its events to the UI.
export { HotFolderManager } from './hotFolderManager';
export { hashFile } from './hashFile';
export { StabilityTracker, sameSnapshot, type FileSnapshot, type StabilityTrackerOptions } from './stabilityTracker';
export { templateOutputFolders, outputFolderNamePattern } from './outputFolders';
export { watchProfileFrom, profileResolverFrom, jobProviderForSizes } from './watchProfile';
export type * from './watchTypes';
