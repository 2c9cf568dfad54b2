import { Vector3 } from 'three';
import type { MeshPart } from '../lib/MeshPart';
import { smoothstep } from '../lib/Raster';
import { closeUpper, type LidPose, liftLower } from './eyes';
import { FACE } from './faceLayout';
import { LipTag } from './head';
import { InteriorTag } from './mouthInterior';

/** One facial pose as a few muscle-like parameters (metres or radians); all default to 0. */
export interface FacePose {
  /** Jaw rotation, radians. */
  jaw?: number;
  /** Upper lip raise, metres. */
  lift?: number;
  /** Lip rounding towards the centre (0..1). */
  round?: number;
  /** Lip spreading outwards (0..1). */
  spread?: number;
  /** Mouth corners up (+) or down (-), in units of ~3.5 mm. */
  corners?: number;
  /** Lips pressed and rolled in (0..1). */
  press?: number;
  /** Lower lip tucked up and back under the upper teeth (0..1). */
  tuck?: number;
  /** Brows raised (metres), inner ends raised (metres), drawn together (metres). */
  brows?: number;
  browsInner?: number;
  browsIn?: number;
  /** Cheeks raised (0..1). */
  cheeks?: number;
  lids?: LidPose;
}

const [, , CZ] = FACE.center;
const W = FACE.mouthHalfWidth;
const PIVOT = new Vector3(0, FACE.mouthY + 0.026, CZ - 0.028);
const _v = new Vector3();
/** A smooth bump with compact support (zero beyond |x| = 1), so morphs touch only the vertices they move. */
const bump = (x: number) => (x * x < 1 ? (1 - x * x) ** 2 : 0);

/** Share of the jaw rotation a vertex follows: an oval opening between the lips, the whole chin below. */
function jawWeight(p: Readonly<Vector3>, tag: number): number {
  if (tag === InteriorTag.tongue) return 1;
  if (tag === InteriorTag.teeth || tag === LipTag.upperEdge) return 0;
  const dy = p.y - FACE.mouthY;
  if (dy > 0 && tag !== LipTag.lowerEdge) return 0;
  const s = Math.abs(p.x / W);
  const oval = s < 1 ? Math.sqrt(1 - s * s) : 0;
  const below = smoothstep(0, 0.014, -dy);
  const lateral = 1 - smoothstep(0.045, 0.078, Math.abs(p.x));
  const depth = tag >= InteriorTag.cavity ? 1 : smoothstep(CZ - 0.045, CZ - 0.005, p.z);
  return (oval + (1 - oval) * below) * lateral * depth;
}

function applyMouth(pose: FacePose, p: Readonly<Vector3>, tag: number, out: Vector3): void {
  const s = Math.abs(p.x / W);
  const dy = p.y - FACE.mouthY;
  const interior = tag >= InteriorTag.cavity;
  const front = interior ? 1 : smoothstep(CZ + 0.035, CZ + 0.06, p.z);
  const upper = tag === LipTag.upperEdge || tag === InteriorTag.teeth || (tag !== LipTag.lowerEdge && dy > 0);
  const band = (h: number) =>
    tag === LipTag.upperEdge || tag === LipTag.lowerEdge ? 1 : 1 - smoothstep(0, h, Math.abs(dy));
  const lipMask = band(0.016) * (1 - smoothstep(1.1, 2.4, s)) * front;
  if (pose.lift && upper && tag !== InteriorTag.teeth) {
    out.y += pose.lift * band(0.014) * (1 - smoothstep(0.35, 1.1, s)) * front;
  }
  if (pose.round) {
    out.x -= p.x * pose.round * 0.42 * lipMask;
    if (!interior) out.z += 0.0035 * pose.round * band(0.012) * (1 - smoothstep(0.5, 1.7, s)) * front;
  }
  if (pose.spread) {
    out.x += p.x * pose.spread * 0.22 * lipMask;
    out.z -= 0.0015 * pose.spread * lipMask * smoothstep(0.5, 1.2, s);
  }
  if (pose.corners) {
    const corner = bump((s - 1) / 1.0) * bump(dy / 0.018) * front * (interior ? 0.5 : 1);
    out.y += 0.0035 * pose.corners * corner;
    out.x += Math.sign(p.x) * 0.0012 * Math.abs(pose.corners) * corner;
    out.z -= 0.001 * Math.max(0, pose.corners) * corner;
  }
  if (pose.press && !interior) {
    out.y -= dy * 0.4 * pose.press * band(0.01) * (1 - smoothstep(1, 1.8, s)) * front;
    out.z -= 0.0012 * pose.press * band(0.008) * (1 - smoothstep(0.8, 1.6, s)) * front;
  }
  if (pose.tuck && !upper && !interior) {
    const m = band(0.011) * (1 - smoothstep(0.8, 1.5, s)) * front;
    out.y += 0.0016 * pose.tuck * m;
    out.z -= 0.0032 * pose.tuck * m;
  }
}

function applyUpperFace(pose: FacePose, p: Readonly<Vector3>, out: Vector3): void {
  const ax = Math.abs(p.x);
  const front = smoothstep(CZ + 0.03, CZ + 0.06, p.z);
  if (pose.brows || pose.browsInner || pose.browsIn) {
    const mask = bump((ax - 0.034) / 0.034) * bump((p.y - FACE.browY) / 0.02) * front;
    const inner = 1 - smoothstep(0.014, 0.05, ax);
    out.y += ((pose.brows ?? 0) + (pose.browsInner ?? 0) * (inner * 2 - 1) * 0.7) * mask;
    out.x -= Math.sign(p.x) * (pose.browsIn ?? 0) * mask * inner;
  }
  if (pose.cheeks) {
    const mask = bump((ax - 0.043) / 0.032) * bump((p.y - (FACE.eyeY - 0.03)) / 0.026) * front;
    out.y += 0.0018 * pose.cheeks * mask;
    out.z += 0.0014 * pose.cheeks * mask;
  }
}

/** Moves the rest shape itself by `pose` (used to give the neutral face a faint, friendly smile). */
export function bakeFacePose(parts: readonly MeshPart[], pose: FacePose): void {
  for (const part of parts) {
    part.morph('__bake', (p, i, out) => applyMouth(pose, p, part.tags[i]!, out));
    const deltas = part.morphs.get('__bake')!;
    part.morphs.delete('__bake');
    deltas.forEach((d, k) => {
      part.positions[k] = part.positions[k]! + d;
    });
  }
}

/** Adds morph target `name` for `pose` to every face part (head skin, mouth interior) and to the lids. */
export function addFaceMorph(
  parts: readonly MeshPart[],
  lids: (name: string, pose: LidPose) => void,
  name: string,
  pose: FacePose,
): void {
  for (const part of parts) {
    part.morph(name, (p, i, out) => {
      const tag = part.tags[i]!;
      applyMouth(pose, p, tag, out);
      if (tag < InteriorTag.cavity) applyUpperFace(pose, p, out);
      if (pose.jaw) {
        const w = jawWeight(p, tag);
        if (w > 0)
          out
            .sub(PIVOT)
            .applyAxisAngle(_v.set(1, 0, 0), pose.jaw * w)
            .add(PIVOT);
      }
    });
  }
  lids(name, pose.lids ?? {});
}

/** The avatar's morph targets, in order: blinks, visemes, lip-sync extras, emotions. */
export const FACE_POSES: ReadonlyArray<readonly [string, FacePose]> = [
  [
    'blinkLeft',
    {
      lids: {
        upper: (a, side) => (side === 1 ? closeUpper(a) : 0),
        lower: (a, side) => (side === 1 ? liftLower(a, 0.2) : 0),
      },
    },
  ],
  [
    'blinkRight',
    {
      lids: {
        upper: (a, side) => (side === -1 ? closeUpper(a) : 0),
        lower: (a, side) => (side === -1 ? liftLower(a, 0.2) : 0),
      },
    },
  ],
  ['aa', { jaw: 0.24, lift: 0.0016, spread: 0.2 }],
  ['ih', { jaw: 0.09, lift: 0.0012, spread: 0.55, corners: 0.15 }],
  ['ou', { jaw: 0.08, lift: 0.0008, round: 1 }],
  ['ee', { jaw: 0.13, lift: 0.0018, spread: 0.75, corners: 0.2 }],
  ['oh', { jaw: 0.22, lift: 0.001, round: 0.6 }],
  ['viseme_PP', { press: 1 }],
  ['viseme_FF', { jaw: 0.03, tuck: 1, lift: 0.0019 }],
  [
    'happy',
    {
      corners: 1.35,
      cheeks: 1.2,
      jaw: 0.09,
      lift: 0.0014,
      spread: 0.25,
      brows: 0.002,
      lids: { upper: (a) => 0.3 * closeUpper(a), lower: (a) => liftLower(a, 0.42) },
    },
  ],
  [
    'angry',
    {
      corners: -0.6,
      press: 0.5,
      brows: -0.002,
      browsInner: -0.006,
      browsIn: 0.003,
      lids: { upper: (a) => -0.14 + 0.06 * a, lower: (a) => liftLower(a, 0.08) },
    },
  ],
  [
    'sad',
    {
      corners: -0.8,
      browsInner: 0.0045,
      lids: { upper: (a) => -0.1 - 0.12 * Math.max(0, a), lower: (a) => liftLower(a, 0.05) },
    },
  ],
  [
    'relaxed',
    {
      corners: 0.6,
      cheeks: 0.4,
      brows: -0.0008,
      lids: { upper: (a) => 0.45 * closeUpper(a), lower: (a) => liftLower(a, 0.12) },
    },
  ],
  [
    'surprised',
    { jaw: 0.17, round: 0.35, brows: 0.0055, lids: { upper: () => 0.14, lower: (a) => liftLower(a, -0.06) } },
  ],
];
