export { marksOfSource, saveMarksOfSource } from './sourceMarks';
export { sidecarPathFor } from './marksSidecar';
