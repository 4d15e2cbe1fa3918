import { describe, expect, it } from 'vitest';
import { FINISHED_JOB_STATES, PENDING_JOB_STATES, RUNNING_JOB_STATES } from '../../../electron/shared';
import * as renderer from '../../../renderer/src/api/jobStateGroups';

describe("the renderer's job state groups", () => {
  it("are the contract's groups", () => {
    expect(renderer.FINISHED_JOB_STATES).toEqual(FINISHED_JOB_STATES);
    expect(renderer.RUNNING_JOB_STATES).toEqual(RUNNING_JOB_STATES);
    expect(renderer.PENDING_JOB_STATES).toEqual(PENDING_JOB_STATES);
  });
});
