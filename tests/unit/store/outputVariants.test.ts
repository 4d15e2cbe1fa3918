import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { NewOutputVariant } from '../../../electron/engine/store/types';
import { newJob, useFreshStore } from './storeFixture';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));

const variant = (jobId: string, index: number, overrides: Partial<NewOutputVariant> = {}): NewOutputVariant => ({
  jobId, target: '1080x1080', variantSet: 0, variant: index, keptPath: `/data/variants/${jobId}/1080x1080/${index}.jpg`,
  sparePath: index === 0 ? null : `/out/variants/a_${'ABCD'[index]}.jpg`, width: 1080, height: 1080, bytes: 100 + index,
  format: 'jpeg', tier: '1K', preflight: { status: 'pass', checks: [] }, chosen: index === 0, ...overrides,
});

describe('output variants (migration 16)', () => {
  it('keeps every variant of a size with the first chosen, and moves the choice with each spare path', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    for (const index of [0, 1, 2]) await store.variants.recordVariant(variant(job.id, index));
    await store.variants.recordVariant({ ...variant(job.id, 0), target: '1080x1920', keptPath: '/data/other.jpg' });
    const listed = await store.variants.listVariants(job.id);
    expect(listed.map((row) => [row.target, row.variant, row.chosen, row.sparePath])).toEqual([
      ['1080x1080', 0, true, null],
      ['1080x1080', 1, false, '/out/variants/a_B.jpg'],
      ['1080x1080', 2, false, '/out/variants/a_C.jpg'],
      ['1080x1920', 0, true, null],
    ]);
    expect(listed[1]).toMatchObject({ bytes: 101, format: 'jpeg', tier: '1K', preflight: { status: 'pass', checks: [] } });

    await store.transaction((tx) => tx.variants.choose(job.id, '1080x1080', { variantSet: 0, variant: 2 }, [{ variantSet: 0, variant: 0, sparePath: '/out/variants/a_A.jpg' }, { variantSet: 0, variant: 2, sparePath: null }]));
    const after = await store.variants.listVariants(job.id);
    expect(after.filter((row) => row.target === '1080x1080').map((row) => [row.variant, row.chosen, row.sparePath])).toEqual([
      [0, false, '/out/variants/a_A.jpg'],
      [1, false, '/out/variants/a_B.jpg'],
      [2, true, null],
    ]);
    // Another size's choice is its own.
    expect(after.find((row) => row.target === '1080x1920')?.chosen).toBe(true);
  });

  it('records a variant again (a resumed run) with its new facts, keeping the choice', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    for (const index of [0, 1]) await store.variants.recordVariant(variant(job.id, index));
    await store.variants.choose(job.id, '1080x1080', { variantSet: 0, variant: 1 }, []);
    await store.variants.recordVariant(variant(job.id, 1, { bytes: 999, chosen: false }));
    const listed = await store.variants.listVariants(job.id);
    expect(listed.map((row) => [row.variant, row.bytes, row.chosen])).toEqual([
      [0, 100, false],
      [1, 999, true],
    ]);
  });

  it('refuses a variant of a job that does not exist', async () => {
    await expect(store.variants.recordVariant(variant('job_missing', 0))).rejects.toThrow();
  });
});
