import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { PauseCause } from '../../electron/domain/pauseCauses';
import type { JobState } from '../../electron/domain/jobStates';
import type {
  ApiHandlers,
  CallResult,
  ElectronBridge,
  QueueState,
  RendererApi,
  VerbCallInput,
  VerbInput,
  VerbName,
  VerbOutput,
  apiContract,
} from '../../electron/shared';

// Type tests: `vitest run` typechecks this file (vitest.config.ts, `typecheck`), and so does `npm run typecheck`.
// Each expectation fails the run when the types the renderer and the hosts derive drift from the contract.

type Contract = typeof apiContract;
type Group<V extends VerbName> = V extends `${infer G extends keyof Contract & string}.${string}` ? G : never;
type Name<V extends VerbName> = V extends `${string}.${infer N}` ? N : never;
type Spec<V extends VerbName> = Contract[Group<V>][Name<V> & keyof Contract[Group<V>]];
type SchemaOutput<V extends VerbName> = Spec<V> extends { output: infer O extends z.ZodType } ? z.output<O> : never;
type SchemaCallInput<V extends VerbName> = Spec<V> extends { input: infer I extends z.ZodType } ? z.input<I> : never;
type SchemaHandlerInput<V extends VerbName> = Spec<V> extends { input: infer I extends z.ZodType } ? z.output<I> : never;
type Caller<V extends VerbName> = RendererApi[Group<V>][Name<V> & keyof RendererApi[Group<V>]];
type RawCaller<V extends VerbName> = ElectronBridge[Group<V>][Name<V> & keyof ElectronBridge[Group<V>]];
type Handler<V extends VerbName> = ApiHandlers[Group<V>][Name<V> & keyof ApiHandlers[Group<V>]];
type Fn = (...args: never[]) => unknown;
/** Exactly the same type (not merely assignable both ways). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** The parameters a caller of a verb should take: none for a void input, an optional one where undefined is fine. */
type ExpectedParameters<V extends VerbName> = [SchemaCallInput<V>] extends [void]
  ? []
  : undefined extends SchemaCallInput<V>
    ? [input?: SchemaCallInput<V>]
    : [input: SchemaCallInput<V>];
type Returned<F> = F extends Fn ? Awaited<ReturnType<F>> : never;
type ParametersOf<F> = F extends (...args: infer P) => unknown ? P : never;
type FirstParameter<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;

/** One flag per verb: true when the check holds for that verb. `false extends` any flag means a verb drifted. */
type EveryVerb<Check extends { [V in VerbName]: boolean }> = Check[VerbName];

describe('the renderer API derived from the contract', () => {
  it('answers, for every verb, what the verb output schema parses to', () => {
    type Answers = { [V in VerbName]: Equal<Returned<Caller<V>>, SchemaOutput<V>> };
    expectTypeOf<EveryVerb<Answers>>().toEqualTypeOf<true>();
    expectTypeOf<{ [V in VerbName]: Returned<Caller<V>> }>().toEqualTypeOf<{ [V in VerbName]: VerbOutput<V> }>();
  });

  it('takes, for every verb, what the verb input schema accepts before defaults', () => {
    type Inputs = { [V in VerbName]: Equal<ParametersOf<Caller<V>>, ExpectedParameters<V>> };
    expectTypeOf<EveryVerb<Inputs>>().toEqualTypeOf<true>();
    type CallInputs = { [V in VerbName]: Equal<VerbCallInput<V>, SchemaCallInput<V>> };
    expectTypeOf<EveryVerb<CallInputs>>().toEqualTypeOf<true>();
  });

  it('makes the input optional exactly where the schema accepts nothing', () => {
    expectTypeOf<RendererApi['profiles']['list']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<RendererApi['queue']['pause']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<RendererApi['dialog']['pickFolder']>().parameters.toEqualTypeOf<[input?: VerbCallInput<'dialog.pickFolder'>]>();
    expectTypeOf<RendererApi['jobs']['retry']>().parameters.toEqualTypeOf<[input: { id: string }]>();
    expectTypeOf<RendererApi['jobs']['retry']>().toBeCallableWith({ id: 'job_1' });
    // @ts-expect-error jobs.retry needs an id
    expectTypeOf<RendererApi['jobs']['retry']>().toBeCallableWith();
  });

  it('keeps the contract literal types: states, pause causes, key storage, defaults', () => {
    expectTypeOf<VerbInput<'folders.add'>['recursive']>().toEqualTypeOf<boolean>();
    expectTypeOf<VerbCallInput<'folders.add'>['recursive']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<VerbOutput<'falKey.status'>>().toEqualTypeOf<{ configured: boolean; storage: 'safeStorage' | 'plaintext-fallback' | 'file' | 'env' | 'none' }>();
    expectTypeOf<Returned<RendererApi['dialog']['pickFolder']>>().toEqualTypeOf<{ path: string | null }>();
    expectTypeOf<QueueState['pauseCause']>().toEqualTypeOf<PauseCause | null>();
    expectTypeOf<keyof QueueState['counts']>().toEqualTypeOf<JobState>();
    expectTypeOf<NonNullable<VerbCallInput<'jobs.query'>['states']>[number]>().toEqualTypeOf<JobState>();
    // @ts-expect-error a job state outside the machine is refused by the compiler too
    expectTypeOf<RendererApi['jobs']['query']>().toBeCallableWith({ limit: 1, states: ['exploded'] });
    // @ts-expect-error dataFolder is read-only
    expectTypeOf<RendererApi['settings']['update']>().toBeCallableWith({ dataFolder: '/x' });
  });
});

describe('the host sides derived from the contract', () => {
  it('hands every handler its validated input (defaults applied) and lets it answer the schema input', () => {
    type HandlerInputs = { [V in VerbName]: Equal<FirstParameter<Handler<V>>, SchemaHandlerInput<V>> };
    expectTypeOf<EveryVerb<HandlerInputs>>().toEqualTypeOf<true>();
    expectTypeOf<{ [V in VerbName]: FirstParameter<Handler<V>> }>().toEqualTypeOf<{ [V in VerbName]: VerbInput<V> }>();
  });

  it("answers the preload bridge's raw CallResult for every verb", () => {
    expectTypeOf<{ [V in VerbName]: Returned<RawCaller<V>> }>().toEqualTypeOf<{ [V in VerbName]: CallResult }>();
  });
});
