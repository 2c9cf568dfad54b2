import type { Influence, PointLike } from '../lib/MeshPart';
import { MeshPart } from '../lib/MeshPart';
import { type Ring, tube } from '../lib/tube';
import { blendInfluences, chain } from '../lib/weights';
import { BODY } from './proportions';
import { boneIndex } from './rig';

/** Torso texture rows: the torso wraps v in [0, TORSO_V]; sleeves and lapels use the plain strip below. */
export const TORSO_TOP = 1.43;
/** Lowest height the torso texture covers. */
export const TORSO_BOTTOM = 0.84;
/** Texture v where the torso wrap ends (sleeves and lapels below). */
export const TORSO_V = 0.8;

const spineBones = ['hips', 'spine', 'chest', 'upperChest', 'neck', 'head'].map(boneIndex);
const spineJoints = [0, 1.03, 1.14, 1.25, BODY.neckY, BODY.headY];

/** Top of the neck tube, hidden inside the head; the neck texture runs from here (v = 0) down. */
export const NECK_TOP = 1.485;

/** Torso weights: the spine chain by height, the shoulders pulled towards the arms. */
export function torsoSkin(p: PointLike): Influence[] {
  const spine = chain(p.y, spineBones, spineJoints, 0.05);
  const side = p.x >= 0 ? 'left' : 'right';
  const toShoulder = (1 - Math.min(1, Math.abs(p.y - 1.34) / 0.09)) * smoothRange(0.06, 0.15, Math.abs(p.x));
  if (toShoulder <= 0) return spine;
  return blendInfluences(spine, armSkin(p, side), Math.min(1, toShoulder));
}

function smoothRange(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** Arm weights along |x|: shoulder, upper arm, forearm, hand. */
export function armSkin(p: PointLike, side: 'left' | 'right'): Influence[] {
  const bones = ['upperChest', `${side}Shoulder`, `${side}UpperArm`, `${side}LowerArm`, `${side}Hand`].map(
    boneIndex,
  );
  return chain(
    Math.abs(p.x),
    bones,
    [0, BODY.shoulderX + 0.02, BODY.upperArmX, BODY.elbowX, BODY.wristX],
    0.03,
  );
}

/** Leg weights along height: hips, upper leg, lower leg, foot. */
export function legSkin(p: PointLike, side: 'left' | 'right'): Influence[] {
  const bones = [`${side}Foot`, `${side}LowerLeg`, `${side}UpperLeg`, 'hips'].map(boneIndex);
  // chain() wants increasing coordinates, so walk the leg from the ground up.
  return chain(p.y, bones, [0, BODY.ankleY + 0.03, BODY.kneeY, BODY.hipsY - 0.04], 0.04);
}

const torsoProfile: ReadonlyArray<readonly [number, number, number, number, number]> = [
  // y, half width, half depth, z offset, power
  [0.86, 0.152, 0.1, 0.0, 2.3],
  [0.95, 0.145, 0.095, 0.0, 2.3],
  [1.04, 0.126, 0.086, 0.004, 2.3],
  [1.12, 0.131, 0.093, 0.01, 2.4],
  [1.2, 0.14, 0.1, 0.014, 2.4],
  [1.27, 0.146, 0.094, 0.008, 2.6],
  [1.315, 0.15, 0.085, 0.0, 2.9],
  [1.35, 0.152, 0.074, -0.006, 3.1],
  [1.375, 0.135, 0.062, -0.01, 2.8],
  [1.392, 0.09, 0.052, -0.012, 2.4],
  [1.404, 0.052, 0.047, -0.01, 2.0],
];

/** The blazer body, the trousers' seat and legs, sleeves, neck, hands and shoes, grouped by material. */
export function buildBody(): MeshPart[] {
  const blazer = new MeshPart('Blazer', 'blazer');
  const rings: Ring[] = torsoProfile.map(([y, a, b, z, power]) => ({ center: [0, y, z], a, b, power }));
  tube(blazer, rings, {
    axis: 'y',
    segments: 48,
    arc: [0.5, 1],
    skin: torsoSkin,
    capEnd: true,
    uv: (around, _along, p) => [around, (TORSO_V * (TORSO_TOP - p.y)) / (TORSO_TOP - TORSO_BOTTOM)],
  });
  const sleeveUv = (around: number, along: number) => [around, 0.86 + 0.12 * along] as const;
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const sleeve: Ring[] = [
      { center: [s * 0.095, 1.33, -0.012], a: 0.056, b: 0.054 },
      { center: [s * 0.165, 1.336, -0.015], a: 0.052, b: 0.051 },
      { center: [s * 0.3, 1.342, -0.018], a: 0.047, b: 0.045 },
      { center: [s * BODY.elbowX, BODY.armY, -0.02], a: 0.042, b: 0.04 },
      { center: [s * 0.6, BODY.armY, -0.016], a: 0.04, b: 0.037 },
      { center: [s * 0.628, BODY.armY, -0.015], a: 0.041, b: 0.038 },
    ];
    tube(blazer, sleeve, {
      axis: 'x',
      segments: 24,
      skin: (p) => armSkin(p, side),
      uv: sleeveUv,
      capEnd: true,
    });
  }
  return [blazer, ...buildSkinParts(), ...buildLegs()];
}

function buildSkinParts(): MeshPart[] {
  const skin = new MeshPart('BodySkin', 'bodySkin');
  const neck: Ring[] = [
    [1.36, -0.01, 0.037, 0.036],
    [1.4, -0.011, 0.036, 0.035],
    [1.44, -0.012, 0.034, 0.032],
    [1.465, -0.016, 0.03, 0.025],
    [NECK_TOP, -0.02, 0.024, 0.018],
  ].map(([y, z, a, b]) => ({ center: [0, y!, z!] as const, a: a!, b: b! }));
  const neckPart = new MeshPart('Neck', 'neck');
  const neckV = (y: number) => (NECK_TOP - y) / (NECK_TOP - 1.36);
  tube(neckPart, neck, {
    axis: 'y',
    segments: 24,
    skin: torsoSkin,
    uv: (around, _a, p) => [around, neckV(p.y)],
  });
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const hand: Ring[] = [
      { center: [s * 0.615, BODY.armY, -0.015], a: 0.026, b: 0.02 },
      { center: [s * 0.655, BODY.armY, -0.014], a: 0.03, b: 0.017 },
      { center: [s * 0.71, BODY.armY - 0.002, -0.012], a: 0.041, b: 0.015, power: 2.6 },
      { center: [s * 0.76, BODY.armY - 0.004, -0.01], a: 0.04, b: 0.012, power: 2.6 },
      { center: [s * 0.8, BODY.armY - 0.006, -0.01], a: 0.03, b: 0.009 },
    ];
    tube(skin, hand, {
      axis: 'x',
      segments: 18,
      skin: (p) => armSkin(p, side),
      capEnd: true,
      uv: () => [0.5, 0.5],
    });
    const thumb: Ring[] = [
      { center: [s * 0.665, BODY.armY - 0.004, 0.018], a: 0.011, b: 0.01 },
      { center: [s * 0.7, BODY.armY - 0.006, 0.038], a: 0.009, b: 0.008 },
      { center: [s * 0.722, BODY.armY - 0.008, 0.05], a: 0.007, b: 0.007 },
    ];
    tube(skin, thumb, {
      axis: 'x',
      segments: 10,
      skin: (p) => armSkin(p, side),
      capEnd: true,
      uv: () => [0.5, 0.5],
    });
  }
  return [neckPart, skin];
}

function buildLegs(): MeshPart[] {
  const trousers = new MeshPart('Trousers', 'trousers');
  const seat: Ring[] = [
    { center: [0, 0.8, 0], a: 0.13, b: 0.09 },
    { center: [0, 0.86, 0], a: 0.148, b: 0.098 },
    { center: [0, 0.92, 0], a: 0.146, b: 0.096 },
  ];
  tube(trousers, seat, { axis: 'y', segments: 40, skin: () => [[boneIndex('hips'), 1]], capStart: true });
  const plain = () => [0.5, 0.5] as const;
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const leg: Ring[] = [
      [0.9, 0.075, 0.078],
      [0.78, 0.072, 0.074],
      [0.62, 0.06, 0.062],
      [BODY.kneeY, 0.052, 0.055],
      [0.3, 0.047, 0.05],
      [0.12, 0.044, 0.046],
      [0.075, 0.045, 0.047],
    ].map(([y, a, b]) => ({ center: [s * BODY.legX, y!, 0] as const, a: a!, b: b! }));
    tube(trousers, leg, { axis: 'y', segments: 24, skin: (p) => legSkin(p, side), uv: plain });
  }
  const shoes = new MeshPart('Shoes', 'shoes');
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const shoe: Ring[] = [
      [-0.06, 0.03, 0.045],
      [-0.03, 0.044, 0.055],
      [0.04, 0.046, 0.045],
      [0.1, 0.04, 0.032],
      [0.135, 0.026, 0.02],
    ].map(([z, a, b]) => ({
      center: [s * BODY.legX, 0.045 + (b! - 0.045) * 0.4, z!] as const,
      a: a!,
      b: b!,
    }));
    tube(shoes, shoe, {
      axis: 'z',
      segments: 20,
      skin: (p) => legSkin(p, side),
      capStart: true,
      capEnd: true,
      uv: plain,
    });
  }
  return [trousers, shoes];
}

/** Depth of the blazer's front surface at (x, y), interpolating the torso profile (for parts laid on it). */
export function torsoFrontZ(x: number, y: number): number {
  let i = 0;
  while (i < torsoProfile.length - 2 && torsoProfile[i + 1]![0] < y) i++;
  const lo = torsoProfile[i]!;
  const hi = torsoProfile[i + 1]!;
  const t = Math.min(1, Math.max(0, (y - lo[0]) / (hi[0] - lo[0])));
  const [a, b, z, power] = [1, 2, 3, 4].map((k) => lo[k]! + (hi[k]! - lo[k]!) * t) as [
    number,
    number,
    number,
    number,
  ];
  const across = Math.min(1, Math.abs(x) / a) ** power;
  return z + b * (1 - across) ** (1 / power);
}
