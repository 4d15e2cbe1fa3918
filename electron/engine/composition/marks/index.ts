export { marksOfSource, saveMarksOfSource } from './sourceMarks';
export { readSidecarMarks, sidecarPathFor } from './marksSidecar';
