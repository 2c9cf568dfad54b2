import { BODY } from './proportions';

/** Where the facial features sit, in world metres (rest pose). Geometry, morphs and paint all read this. */
export const FACE = {
  center: BODY.headCenter,
  /** Radii of the head ellipsoid: x, y above centre, y below centre, z front, z back. */
  rx: 0.078,
  ryTop: 0.1,
  ryBottom: 0.094,
  rzFront: 0.086,
  rzBack: 0.094,
  eyeX: BODY.eyeX,
  eyeY: BODY.eyeY,
  eyeRadius: 0.0172,
  /** Radius of the eyelid shells around the eye centre. */
  lidRadius: 0.0183,
  /** Half extents of the skin recess around each eye (lids cover it). */
  socketX: 0.0182,
  socketY: 0.0152,
  mouthY: BODY.headCenter[1] - 0.0615,
  mouthHalfWidth: 0.0125,
  noseY: BODY.headCenter[1] - 0.037,
  browY: BODY.headCenter[1] + 0.0145,
} as const;

/** Longitude of a point around the head's vertical axis, 0 straight ahead (+Z), positive to the avatar's left. */
export function longitudeOf(x: number, z: number): number {
  return Math.atan2(x, z - FACE.center[2]);
}
