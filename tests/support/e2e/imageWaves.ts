import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeTestJpeg } from '../engine/testImages';
import type { AppServer } from './appServer';

/**
 * Makes distinct JPEGs aside under the app's temp root and answers a function that moves them all into `folder` at
 * once: images made beforehand land the moment a test wants them, as a file manager's move (or a camera card) does.
 */
export async function stageImages(app: AppServer, folder: string, prefix: string, seeds: readonly number[]): Promise<() => void> {
  const staging = join(app.root, `staging-${prefix}`);
  mkdirSync(staging, { recursive: true });
  const names = seeds.map((seed) => `${prefix}-${seed}.jpg`);
  await Promise.all(names.map((name, index) => writeTestJpeg(join(staging, name), seeds[index]!)));
  return () => names.forEach((name) => renameSync(join(staging, name), join(folder, name)));
}
