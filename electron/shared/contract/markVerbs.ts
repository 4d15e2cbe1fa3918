import { JobMarksQuerySchema, JobMarksSchema, RerunFalSizesResultSchema, SetJobMarksResultSchema, SetJobMarksSchema } from '../schemas/marks';
import { verb } from './verb';

/** The user's focal point and keep boxes on a job's source (stored per content hash and in an XMP sidecar). */
export const markVerbs = {
  get: verb({ summary: "A job's source marks: focal point and keep boxes, as shares of the image.", input: JobMarksQuerySchema, output: JobMarksSchema }),
  set: verb({
    summary: "Sets a job's source marks, makes its local sizes again with them (free) and prices a re-run of its fal sizes.",
    input: SetJobMarksSchema,
    output: SetJobMarksResultSchema,
  }),
  rerunFal: verb({
    summary: "Re-runs a job's fal sizes at fal after its marks were set: one request per size (priced first by marks.set), each a new version.",
    input: JobMarksQuerySchema,
    output: RerunFalSizesResultSchema,
  }),
};
