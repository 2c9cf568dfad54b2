import type { SenseErrorCode } from '../SenseError';
import type { FaceTrackerOptions } from './FaceTracker';

/** Main thread → face worker. */
export type ToFaceWorker =
  | { readonly type: 'init'; readonly options: Omit<FaceTrackerOptions, 'signal'> }
  | {
      readonly type: 'frame';
      readonly bitmap: ImageBitmap;
      readonly timeMs: number;
      readonly buffer: Float32Array;
    }
  | { readonly type: 'dispose' };

/** Face worker → main thread: only numbers, never pixels. */
export type FromFaceWorker =
  | { readonly type: 'ready' }
  | {
      readonly type: 'sample';
      readonly present: boolean;
      /** The blendshapes, in the buffer the main thread lent (transferred back). */
      readonly buffer: Float32Array;
      readonly headYaw: number;
      readonly headPitch: number;
      readonly headRoll: number;
      readonly timeMs: number;
    }
  | {
      readonly type: 'error';
      readonly code: SenseErrorCode;
      /** The message without the owner prefix. */
      readonly reason: string;
      readonly url: string;
    };
