import { formatTargetSize } from '../../../domain/sizes/targetSize';
import type { Subject, SubjectKind } from '../subjects';
import { isMustKeep } from '../subjects';
import type { ScoredPlan } from './planComposition';

/** The most fill a local layout may have and still count as "finished locally" for the `auto` policy. */
const AUTO_LOCAL_MAX_FILL = 0.15;
/** With nothing must-keep, the saliency box counts as kept when this much of it is shown (it is a loose box). */
const SALIENCY_KEPT_SHARE = 0.9;

/** Where an `auto` size goes and the sentence the job log gets for it. */
export interface AutoRoute {
  readonly provider: 'local' | 'fal';
  readonly reason: string;
}

/**
 * The `auto` policy, from the same score the local layout uses: local when the best local layout keeps every
 * must-keep subject whole (or, with none, the objects, else most of the saliency box) with little fill; fal
 * (which recomposes instead of padding) otherwise.
 */
export function routeAutoSize(best: ScoredPlan, subjects: readonly Subject[]): AutoRoute {
  const { plan, score } = best;
  const size = formatTargetSize(plan.target);
  const fill = `${Math.round(plan.fillShare * 100)}% fill`;
  const layout = plan.method === 'crop' ? 'a crop' : `a ${plan.method === 'pad' ? 'pad' : 'crop with pad'} (${fill})`;
  const hasMustKeep = subjects.some(isMustKeep);
  const hasObjects = subjects.some((subject) => subject.kind === 'object');
  if (score.mustKeepCut.length > 0) {
    return { provider: 'fal', reason: `${size}: fal, the best local layout would cut ${describe(score.mustKeepCut)} or put it under the placement's UI` };
  }
  if (!hasMustKeep && hasObjects && score.objectsCut.length > 0) {
    return { provider: 'fal', reason: `${size}: fal, the best local layout would cut ${describe(score.objectsCut)}` };
  }
  if (!hasMustKeep && !hasObjects && score.saliencyShown < SALIENCY_KEPT_SHARE) {
    return { provider: 'fal', reason: `${size}: fal, the best local layout would show ${Math.round(score.saliencyShown * 100)}% of the main subject` };
  }
  if (plan.fillShare > AUTO_LOCAL_MAX_FILL) {
    return { provider: 'fal', reason: `${size}: fal, keeping the subject whole locally needs ${fill} (more than ${AUTO_LOCAL_MAX_FILL * 100}%)` };
  }
  const kept = describe(subjects.filter((subject) => isMustKeep(subject) || (!hasMustKeep && subject.kind === 'object')));
  return { provider: 'local', reason: `${size}: local, ${layout} keeps ${kept || 'the main subject'} whole` };
}

const NOUNS: Record<SubjectKind, [string, string]> = {
  face: ['face', 'faces'],
  text: ['text block', 'text blocks'],
  keep: ['keep box', 'keep boxes'],
  object: ['object', 'objects'],
  saliency: ['main subject', 'main subjects'],
  focus: ['focal point', 'focal points'],
};

/** "2 faces and 1 text block". */
function describe(subjects: readonly Subject[]): string {
  const counts = new Map<SubjectKind, number>();
  for (const subject of subjects) counts.set(subject.kind, (counts.get(subject.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
