import type { z } from 'zod';
import type { ApiEvent } from '../schemas/events';
import type { ApiContract } from './apiContract';
import type { CallResult } from '../callResult';
import type { VerbSpec } from './verb';

/** A feature group of the contract (`profiles`, `jobs`, ...). */
export type GroupName = keyof ApiContract & string;

/** Every verb's wire name, `group.name`. */
export type VerbName = { [G in GroupName]: `${G}.${keyof ApiContract[G] & string}` }[GroupName];

/** The spec of a verb given its wire name. */
type SpecOf<V extends VerbName> = V extends `${infer G extends GroupName}.${infer N}`
  ? N extends keyof ApiContract[G]
    ? ApiContract[G][N]
    : never
  : never;

type InputOf<S> = S extends VerbSpec<infer I, z.ZodType> ? I : never;
type OutputOf<S> = S extends VerbSpec<z.ZodType, infer O> ? O : never;

/** What a caller may send for a verb (defaults not yet applied). */
export type VerbCallInput<V extends VerbName> = z.input<InputOf<SpecOf<V>>>;
/** What a handler receives for a verb: validated, defaults applied. */
export type VerbInput<V extends VerbName> = z.output<InputOf<SpecOf<V>>>;
/** What a verb answers. */
export type VerbOutput<V extends VerbName> = z.output<OutputOf<SpecOf<V>>>;

type Handler<S> = (input: z.output<InputOf<S>>) => Promise<z.input<OutputOf<S>>>;

/**
 * What a host implements: one async function per verb, grouped like the contract. Inputs arrive validated;
 * answers are validated (and stripped of unknown fields) before they leave the host.
 */
export type ApiHandlers = { [G in GroupName]: { [N in keyof ApiContract[G]]: Handler<ApiContract[G][N]> } };

type Caller<S> = [z.input<InputOf<S>>] extends [void]
  ? () => Promise<z.output<OutputOf<S>>>
  : undefined extends z.input<InputOf<S>>
    ? (input?: z.input<InputOf<S>>) => Promise<z.output<OutputOf<S>>>
    : (input: z.input<InputOf<S>>) => Promise<z.output<OutputOf<S>>>;

/** Receives every event a host pushes. */
export type ApiEventListener = (event: ApiEvent) => void;

/**
 * What the renderer calls, derived from the contract: `api.profiles.list()`, `api.jobs.query({...})`, plus
 * `onEvent(listener)` which returns its own unsubscribe function.
 */
export type RendererApi = { [G in GroupName]: { [N in keyof ApiContract[G]]: Caller<ApiContract[G][N]> } } & {
  onEvent(listener: ApiEventListener): () => void;
};

type RawCaller<S> = (input?: z.input<InputOf<S>>) => Promise<CallResult>;

/**
 * What Electron's preload exposes as `window.smartResize`: every verb answering the host's raw CallResult, plus
 * the two things only the preload can do: turning a dropped File into its path on disk (`webUtils.getPathForFile`)
 * and starting a native drag of an output file.
 * Verbs answer the plain result rather than throwing because an Error crossing contextBridge keeps only its
 * message; the page turns results into values or ApiCallErrors with `rendererApiFromBridge`.
 */
export type ElectronBridge = { [G in GroupName]: { [N in keyof ApiContract[G]]: RawCaller<ApiContract[G][N]> } } & {
  readonly host: 'electron';
  onEvent(listener: ApiEventListener): () => void;
  pathForFile(file: Blob): string;
  /** Drags a recorded output of a job out of the window as a file (the main process checks it and starts the drag). */
  startOutputDrag(output: { readonly jobId: string; readonly path: string }): void;
};
