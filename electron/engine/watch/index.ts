// Hot folders: the engine runtime constructs a HotFolderManager and forwards its events to the UI.
export { HotFolderManager } from './hotFolderManager';
export { StabilityTracker } from './stabilityTracker';
export { templateOutputFolders, outputFolderNamePattern } from './outputFolders';
export type * from './watchTypes';
