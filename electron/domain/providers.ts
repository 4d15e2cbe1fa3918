/** Who makes an output: fal's smart-resize (paid, online) or the free local engine. */
export const PROVIDERS = ['fal', 'local'] as const;

/** One of PROVIDERS. */
export type Provider = (typeof PROVIDERS)[number];

/** Who makes a job's outputs: one provider, or `mixed` when per-size `auto` sends some sizes to each. */
export const JOB_PROVIDERS = [...PROVIDERS, 'mixed'] as const;

/** One of JOB_PROVIDERS. */
export type JobProvider = (typeof JOB_PROVIDERS)[number];
