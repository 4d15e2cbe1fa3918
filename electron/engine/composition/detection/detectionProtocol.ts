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
  /** Faces (BlazeFace) and people/objects (CenterNet), human's model files. */
  readonly models: boolean;
  /** Printed type, from the text-likeness of the pixels. */
  readonly text: boolean;
}

/**
 * The steps one worker runs for a request. The detector splits a detection over two workers, so the object model
 * (the slowest step by far) runs beside the others instead of after them: saliency, text and faces in one,
 * objects in the other.
 */
export interface DetectionTasks {
  readonly saliency: boolean;
  readonly text: boolean;
  readonly faces: boolean;
  readonly objects: boolean;
  /** CenterNet's input side (a multiple of 32; see objectModel.ts), when `objects`. */
  readonly objectInputSide?: number;
}

/**
 * main -> worker: find the subjects of one image, given as a detail thumbnail and (for saliency) a small
 * thumbnail; or, with `warm`, only load what those tasks need (at engine start, off any job's path).
 */
export interface DetectRequest {
  readonly id: number;
  readonly tasks: DetectionTasks;
  readonly detail?: WorkerImage;
  readonly small?: WorkerImage;
  readonly warm?: boolean;
}

/** worker -> main: subjects in `detail` thumbnail pixels, notes for the job log, and what each step took. */
export interface DetectReply {
  readonly id: number;
  readonly subjects: Subject[];
  readonly notes: string[];
  readonly timings: Record<string, number>;
}
