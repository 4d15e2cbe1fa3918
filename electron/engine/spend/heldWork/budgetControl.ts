import type { Settings } from '../../settings/settingsSchema';
import { budgetOf, type BudgetSettings } from '../budgetSettings';
import type { CapRelease } from './capRelease';

/** Where the budget settings are kept. */
export interface BudgetControlDeps {
  readonly settings: () => Settings;
  readonly save: (patch: Partial<BudgetSettings>) => void;
  readonly capRelease: CapRelease;
}

/** The caps and burst rule as the person edits them: a raised cap releases the work it held at once. */
export class BudgetControl {
  constructor(private readonly deps: BudgetControlDeps) {}

  /** The budget part of the settings now. */
  get(): BudgetSettings {
    return budgetOf(this.deps.settings());
  }

  /** Saves a budget change, then requeues the held work that fits under the new caps. */
  async update(patch: Partial<BudgetSettings>): Promise<BudgetSettings> {
    this.deps.save(patch);
    await this.deps.capRelease.release();
    return this.get();
  }
}
