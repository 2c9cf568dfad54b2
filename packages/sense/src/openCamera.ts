import { SenseError } from './SenseError';

/** What to ask the camera for. */
export interface CameraRequest {
  width: number;
  height: number;
  maxFps: number;
}

const DENIED = new Set(['NotAllowedError', 'SecurityError', 'PermissionDeniedError']);

/** Maps a `getUserMedia` rejection onto a {@link SenseError}. */
export function cameraError(error: unknown): SenseError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (DENIED.has(name)) return SenseError.cameraDenied(error);
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError')
    return SenseError.cameraUnavailable('no camera found', error);
  if (name === 'NotReadableError' || name === 'TrackStartError') {
    return SenseError.cameraUnavailable('the camera is in use or failed to start', error);
  }
  if (name === 'OverconstrainedError')
    return SenseError.cameraUnavailable('no camera mode fits the request', error);
  return SenseError.cameraUnavailable(name || 'getUserMedia failed', error);
}

/**
 * Opens the user-facing camera at a small resolution, video only. Throws `unsupported` without `getUserMedia`
 * (insecure context, old WebView), `camera-denied` or `camera-unavailable` otherwise.
 */
export async function openCamera(request: CameraRequest): Promise<MediaStream> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') {
    throw SenseError.unsupported(
      'navigator.mediaDevices.getUserMedia is missing (insecure context or old WebView)',
    );
  }
  try {
    return await devices.getUserMedia({
      audio: false,
      video: {
        facingMode: 'user',
        width: { ideal: request.width },
        height: { ideal: request.height },
        frameRate: { ideal: request.maxFps, max: Math.max(request.maxFps, 15) },
      },
    });
  } catch (error) {
    throw cameraError(error);
  }
}

/** Stops every track of `stream` (the camera light goes off). */
export function stopStream(stream: MediaStream | null): void {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
}
