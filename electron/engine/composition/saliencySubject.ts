import type { RawImage } from '../decode/types';
import { detectSubject } from '../local/detectSubject';
import type { Subject } from './subjects';

/** The saliency box as a subject list (empty when the image has nothing that stands out): the no-model fallback. */
export async function saliencySubjects(raw: RawImage): Promise<Subject[]> {
  const box = await detectSubject(raw);
  return box ? [{ kind: 'saliency', box, score: 1 }] : [];
}
