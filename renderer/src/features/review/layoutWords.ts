import type { JobOutput } from '../../../../electron/shared';

const METHOD_WORDS = { crop: 'crop', crop_pad: 'crop + fill', pad: 'fit + fill' } as const;

/** How an output was made, in a few words: "crop", "fit + blur fill", "fal 2K". */
export function layoutWords(output: Pick<JobOutput, 'layout' | 'provider' | 'tier'>): string {
  if (!output.layout) return output.provider === 'fal' ? `fal${output.tier ? ` ${output.tier}` : ''} recomposition` : 'local';
  const { method, fill } = output.layout;
  return method === 'crop' || !fill ? METHOD_WORDS[method] : `${METHOD_WORDS[method].replace('fill', `${fill} fill`)}`;
}
