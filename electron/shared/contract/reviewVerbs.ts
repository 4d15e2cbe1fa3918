import { FullImageSchema, JobFileRefSchema } from '../schemas/review';
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
};
