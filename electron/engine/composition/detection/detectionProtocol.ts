import type { Subject } from '../subjects';

/** Interleaved 8-bit pixels sent to the detection worker (its buffer is transferred, not copied). */
export interface WorkerImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Which detectors to run; the saliency box is always found. */
export interface DetectorChoice {
  /** Faces (BlazeFace) and people/objects (CenterNet) through @vladmandic/human. */
  readonly models: boolean;
  /** Printed type, from the text-likeness of the pixels. */
  readonly text: boolean;
}

/** main -> worker: find the subjects of one image, given as a detail thumbnail and a small saliency thumbnail. */
export interface DetectRequest {
  readonly id: number;
  readonly detail: WorkerImage;
  readonly small: WorkerImage;
  readonly choice: DetectorChoice;
}

/** worker -> main: subjects in `detail` thumbnail pixels, notes for the job log, and what each step took. */
export interface DetectReply {
  readonly id: number;
  readonly subjects: Subject[];
  readonly notes: string[];
  readonly timings: Record<string, number>;
}
