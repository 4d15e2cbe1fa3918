// Hot folders: the engine runtime constructs a HotFolderManager and forwards its events to the UI.
export { HotFolderManager } from './hotFolderManager';
export { hashFile } from './hashFile';
export { StabilityTracker, type FileSnapshot } from './stabilityTracker';
export { templateOutputFolders, outputFolderNamePattern } from './outputFolders';
export type * from './watchTypes';
