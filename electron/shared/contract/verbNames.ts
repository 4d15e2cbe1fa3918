import type { ApiContract } from './apiContract';
import type { GroupName } from './types';

/**
 * Every verb's name by group, in contract order, as plain strings. The renderer builds its HTTP client from this
 * list rather than from `apiContract`, so its start-up bundle does not build (or even load) the zod schemas.
 * The types below refuse a name the contract lacks and fail to compile when a contract verb is missing here.
 */
export const VERB_GROUPS = {
  profiles: ['list', 'get', 'presets', 'create', 'update', 'remove', 'share', 'stopSharing', 'createFromPreset', 'import', 'export'],
  folders: ['list', 'add', 'update', 'remove'],
  jobs: ['enqueuePaths', 'discardUploads', 'query', 'detail', 'retry', 'makeAnyway', 'cancel'],
  review: ['image', 'before', 'nudge', 'switchMethod', 'versions', 'restore', 'falRerunOffer', 'rerunFal', 'variants', 'variantImage', 'pickVariant'],
  marks: ['get', 'set', 'rerunFal'],
  approvals: ['list', 'open', 'approve', 'decline'],
  queue: ['state', 'pause', 'resume'],
  estimate: ['batch', 'paths', 'contents'],
  settings: ['get', 'update', 'store', 'setStore', 'setInstance'],
  falKey: ['status', 'set', 'clear', 'test'],
  shell: ['openPath', 'revealPath'],
  dialog: ['pickFolder'],
  media: ['thumbnail'],
  spend: ['summary', 'ledger', 'exportCsv', 'held', 'releaseBurst', 'discardBurst'],
  budget: ['get', 'update'],
} as const satisfies { readonly [G in GroupName]: readonly (keyof ApiContract[G] & string)[] };

type Expect<T extends true> = T;
type MissingVerb = { [G in GroupName]: Exclude<keyof ApiContract[G] & string, (typeof VERB_GROUPS)[G][number]> }[GroupName];

/** Compiles only while VERB_GROUPS names every verb of the contract. */
type _VerbGroupsComplete = Expect<[MissingVerb] extends [never] ? true : false>;
