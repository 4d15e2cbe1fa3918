import { describe, expect, it } from 'vitest';
import type { RendererApi, VerbCallInput, VerbInput, VerbOutput } from '../../../electron/shared';

// These checks run in the typechecker (npm run typecheck): a wrong contract derivation fails the build.
type Expect<T extends true> = T;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export type TypeChecks = [
  Expect<Equal<VerbInput<'folders.add'>['recursive'], boolean>>,
  Expect<Equal<VerbCallInput<'folders.add'>['recursive'], boolean | undefined>>,
  Expect<Equal<VerbOutput<'falKey.status'>, { configured: boolean; storage: 'safeStorage' | 'plaintext-fallback' | 'file' | 'env' | 'none' }>>,
  Expect<Equal<Parameters<RendererApi['profiles']['list']>, []>>,
  Expect<Equal<Awaited<ReturnType<RendererApi['dialog']['pickFolder']>>, { path: string | null }>>,
];

function neverCalled(api: RendererApi): void {
  // @ts-expect-error jobs.retry needs an id
  void api.jobs.retry();
  // @ts-expect-error a job state outside the machine is refused by the compiler too
  void api.jobs.query({ limit: 1, states: ['exploded'] });
  // @ts-expect-error dataFolder is read-only
  void api.settings.update({ dataFolder: '/x' });
}

describe('derived types', () => {
  it('compile (the checks above are the test)', () => {
    expect(typeof neverCalled).toBe('function');
  });
});
