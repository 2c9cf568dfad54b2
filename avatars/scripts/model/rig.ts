import { eyeCenterZ } from './headShape';
import { BODY } from './proportions';

/** One bone of the avatar's skeleton, at rest (T-pose, no rotation), in metres, facing +Z, left = +X. */
export interface BoneSpec {
  /** VRM 1.0 humanoid bone name (also the glTF node name). */
  readonly name: string;
  readonly parent: string | null;
  /** World-space head position at rest. */
  readonly at: readonly [number, number, number];
}

const b = BODY;

function mirrored(
  side: 'left' | 'right',
  name: string,
  parent: string,
  x: number,
  y: number,
  z: number,
): BoneSpec {
  const sign = side === 'left' ? 1 : -1;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const parentName = parent.startsWith('*') ? `${side}${cap(parent.slice(1))}` : parent;
  return { name: `${side}${cap(name)}`, parent: parentName, at: [sign * x, y, z] };
}

function sideBones(side: 'left' | 'right'): BoneSpec[] {
  return [
    mirrored(side, 'shoulder', 'upperChest', b.shoulderX, b.armY + 0.01, -0.012),
    mirrored(side, 'upperArm', '*shoulder', b.upperArmX, b.armY, -0.015),
    mirrored(side, 'lowerArm', '*upperArm', b.elbowX, b.armY, -0.02),
    mirrored(side, 'hand', '*lowerArm', b.wristX, b.armY, -0.015),
    mirrored(side, 'upperLeg', 'hips', b.legX, b.hipsY - 0.06, 0),
    mirrored(side, 'lowerLeg', '*upperLeg', b.legX, b.kneeY, 0.005),
    mirrored(side, 'foot', '*lowerLeg', b.legX, b.ankleY, -0.01),
    mirrored(side, 'toes', '*foot', b.legX, 0.02, 0.1),
    mirrored(side, 'eye', 'head', b.eyeX, b.eyeY, eyeCenterZ()),
  ];
}

/** The humanoid skeleton, parents before children. Every name is a VRM 1.0 humanoid bone. */
export const BONES: readonly BoneSpec[] = [
  { name: 'hips', parent: null, at: [0, b.hipsY, 0] },
  { name: 'spine', parent: 'hips', at: [0, 1.03, 0] },
  { name: 'chest', parent: 'spine', at: [0, 1.14, 0] },
  { name: 'upperChest', parent: 'chest', at: [0, 1.25, 0] },
  { name: 'neck', parent: 'upperChest', at: [0, b.neckY, -0.01] },
  { name: 'head', parent: 'neck', at: [0, b.headY, -0.005] },
  ...sideBones('left'),
  ...sideBones('right'),
];

/** Index of a bone in {@link BONES} (the joint index of the one skin). */
export function boneIndex(name: string): number {
  const i = BONES.findIndex((bone) => bone.name === name);
  if (i < 0) throw new Error(`rig: unknown bone ${name}`);
  return i;
}
