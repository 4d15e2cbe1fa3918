import { resolve } from 'node:path';
import type { ProfileInput } from '../../../electron/engine/profiles';

/** The corpus photos beside the checkout (shared/corpus), as the review-first tests drop them. */
export const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');

/** The review-first tests' profile: two paid sizes to approve or decline, and one made locally in any case. */
export const REVIEW_FIRST_PROFILE: ProfileInput = {
  name: 'Review first',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
    { width: 300, height: 250, policy: 'local' },
  ],
  output: { format: 'jpeg', quality: 85 },
};
