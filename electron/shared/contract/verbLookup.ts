import { apiContract } from './apiContract';
import type { VerbName } from './types';
import type { VerbSpec } from './verb';

/** Every verb's wire name, in contract order. */
export const VERB_NAMES: readonly VerbName[] = Object.entries(apiContract).flatMap(([group, verbs]) =>
  Object.keys(verbs).map((name) => `${group}.${name}` as VerbName),
);

const verbSet: ReadonlySet<string> = new Set(VERB_NAMES);

/** True when the string names a verb of the contract (never a prototype key such as `__proto__`). */
export function isVerbName(name: string): name is VerbName {
  return verbSet.has(name);
}

/** Splits `group.name` into its parts. */
export function splitVerbName(name: VerbName): [group: string, verb: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** The spec of a known verb. */
export function getVerbSpec(name: VerbName): VerbSpec {
  const [group, verb] = splitVerbName(name);
  return (apiContract as unknown as Record<string, Record<string, VerbSpec>>)[group]![verb]!;
}
