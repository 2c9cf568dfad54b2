/** Yaw, pitch and roll in radians, written by {@link headPoseFromMatrix}. */
export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

/**
 * Reads head yaw, pitch and roll from a 4×4 column-major rigid transform (MediaPipe's facial transformation
 * matrix: canonical face → camera space, the face looking along +z towards the camera when frontal).
 * Yaw is the face's forward vector turned about the vertical axis (positive towards +x, the image's right in a
 * non-mirrored camera), pitch its elevation (positive up), roll the tilt of the face's x axis. No allocation.
 */
export function headPoseFromMatrix(m: ArrayLike<number>, out: HeadPose): HeadPose {
  // Third column = where the face's forward (+z) axis points; first column = its x axis.
  const fx = m[8] ?? 0;
  const fy = m[9] ?? 0;
  const fz = m[10] ?? 1;
  const len = Math.hypot(fx, fy, fz) || 1;
  out.yaw = Math.atan2(fx, fz);
  out.pitch = Math.asin(Math.max(-1, Math.min(1, fy / len)));
  out.roll = Math.atan2(m[1] ?? 0, m[0] ?? 1);
  return out;
}
