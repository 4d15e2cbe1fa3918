/** Subject detection off the event loop: faces, objects, text and the saliency box, cached per content hash. */
export { SubjectDetector } from './subjectDetector';
export type { Detection } from './subjectDetector';
