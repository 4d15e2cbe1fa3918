/** Subject detection off the event loop: faces, objects, text and the saliency box, cached per content hash. */
export { SubjectDetector, sharedDetector, DETECTION_TIME_LIMIT_MS } from './subjectDetector';
export type { Detection, DetectOptions } from './subjectDetector';
