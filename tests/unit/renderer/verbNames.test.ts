import { describe, expect, it } from 'vitest';
import { VERB_NAMES } from '../../../electron/shared';
import { VERB_GROUPS } from '../../../electron/shared/contract/verbNames';

describe("the renderer's verb-name list", () => {
  it('names every verb of the contract, in contract order, and nothing else', () => {
    const listed = Object.entries(VERB_GROUPS).flatMap(([group, names]) => names.map((name) => `${group}.${name}`));
    expect(listed).toEqual([...VERB_NAMES]);
  });
});
