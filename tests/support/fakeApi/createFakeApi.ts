import { createEventHub, type ApiEventHub, type ApiHandlers } from '../../../electron/shared';
import { advanceFakeQueue } from './fakeSimulation';
import { fakeApprovalHandlers } from './fakeApprovalHandlers';
import { fakeFolderHandlers } from './fakeFolderHandlers';
import { fakeJobHandlers } from './fakeJobHandlers';
import { fakeMarkHandlers } from './fakeMarkHandlers';
import { fakeProfileHandlers } from './fakeProfileHandlers';
import { fakeReviewHandlers } from './fakeReviewHandlers';
import { fakeSpendHandlers } from './fakeSpendHandlers';
import { fakeSystemHandlers } from './fakeSystemHandlers';
import { seedFakeState, type SeedOptions } from './seedFakeState';
import type { FakeState } from './fakeState';

/** An in-memory host: the contract's handlers over seeded data, its event hub, and a step function. */
export interface FakeApi {
  handlers: ApiHandlers;
  events: ApiEventHub;
  state: FakeState;
  /** `open:<path>` / `reveal:<path>` for each shell call, in order. */
  shellCalls: string[];
  /** Advances running jobs one step (see advanceFakeQueue). */
  tick(): void;
}

/** Creates a fake host for tests and UI screenshots. */
export function createFakeApi(options: SeedOptions = {}): FakeApi {
  const state = seedFakeState(options);
  const events = createEventHub();
  const shellCalls: string[] = [];
  const handlers: ApiHandlers = {
    profiles: fakeProfileHandlers(state),
    folders: fakeFolderHandlers(state),
    jobs: fakeJobHandlers(state, events),
    review: fakeReviewHandlers(state),
    marks: fakeMarkHandlers(state),
    approvals: fakeApprovalHandlers(state),
    ...fakeSystemHandlers(state, events, shellCalls),
    ...fakeSpendHandlers(state, events),
  };
  return { handlers, events, state, shellCalls, tick: () => advanceFakeQueue(state, events) };
}
