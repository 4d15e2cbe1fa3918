import { z } from 'zod';
import { FalRerunDoneSchema, FalRerunOfferSchema, FullImageSchema, JobFileRefSchema, NudgeInputSchema, OutputVersionListSchema, OutputVersionSchema, RestoreInputSchema, SwitchMethodInputSchema } from '../schemas/review';
import { IdSchema } from '../schemas/common';
import { OutputVariantListSchema, VariantRefSchema } from '../schemas/variants';
import { verb } from './verb';

/** Reviewing a job's outputs: full-size views for the large view and its before/after. */
export const reviewVerbs = {
  image: verb({
    summary: 'One output (or an earlier version of it) as its exact bytes, for a 1:1 view.',
    input: JobFileRefSchema,
    output: FullImageSchema,
  }),
  before: verb({
    summary: 'The part of the source an output shows, at the output’s pixel size: the “before” of its before/after.',
    input: JobFileRefSchema,
    output: FullImageSchema,
  }),
  nudge: verb({
    summary: 'Makes one output again locally from a moved frame (free): a new version at the same path, the other outputs untouched.',
    input: NudgeInputSchema,
    output: OutputVersionSchema,
  }),
  switchMethod: verb({
    summary: 'Makes one output again locally as a crop or a pad in a fill style (free): a new version at the same path, the other outputs untouched.',
    input: SwitchMethodInputSchema,
    output: OutputVersionSchema,
  }),
  versions: verb({
    summary: 'Every kept version of a job’s outputs, and which one each file holds.',
    input: z.strictObject({ jobId: IdSchema }),
    output: OutputVersionListSchema,
  }),
  restore: verb({
    summary: 'Puts an earlier version of one output back at its path (as a new version).',
    input: RestoreInputSchema,
    output: OutputVersionSchema,
  }),
  falRerunOffer: verb({
    summary: 'Whether one output can be re-run at fal now, at what price (from the pricing module), and why not.',
    input: JobFileRefSchema,
    output: FalRerunOfferSchema,
  }),
  rerunFal: verb({
    summary: 'Makes one output again at fal (budget-checked, one request, charged once): a new version at the same path, the other outputs and charges untouched.',
    input: JobFileRefSchema,
    output: FalRerunDoneSchema,
  }),
  variants: verb({
    summary: 'Every kept fal variant of a job’s sizes (all paid for), and which one each file holds.',
    input: z.strictObject({ jobId: IdSchema }),
    output: OutputVariantListSchema,
  }),
  variantImage: verb({
    summary: 'One kept fal variant as its exact bytes, to show the variants side by side.',
    input: VariantRefSchema,
    output: FullImageSchema,
  }),
  pickVariant: verb({
    summary: 'Chooses a fal variant for its size: written at the output path (a new version); the others stay in variants/ or the app. Costs nothing.',
    input: VariantRefSchema,
    output: OutputVersionSchema,
  }),
};
