import type { JsonObject } from '../lib/GltfBuilder';
import { FACE } from './faceLayout';
import { eyeCenterZ } from './headShape';
import { BODY } from './proportions';
import { BONES } from './rig';

type Override = 'none' | 'block' | 'blend';

/** How an expression drives morph targets of the face mesh and overrides blink / mouth. */
export interface ExpressionSpec {
  readonly morphs: readonly string[];
  readonly overrideBlink?: Override;
  readonly overrideMouth?: Override;
  readonly overrideLookAt?: Override;
  readonly isBinary?: boolean;
}

/** VRM 1.0 preset expressions and the two custom lip-sync visemes, each listing the morph targets it drives. */
export const PRESET_EXPRESSIONS: Readonly<Record<string, ExpressionSpec>> = {
  aa: { morphs: ['aa'] },
  ih: { morphs: ['ih'] },
  ou: { morphs: ['ou'] },
  ee: { morphs: ['ee'] },
  oh: { morphs: ['oh'] },
  happy: { morphs: ['happy'], overrideBlink: 'blend' },
  angry: { morphs: ['angry'], overrideBlink: 'blend' },
  sad: { morphs: ['sad'] },
  relaxed: { morphs: ['relaxed'], overrideBlink: 'blend' },
  surprised: { morphs: ['surprised'], overrideBlink: 'block', overrideMouth: 'blend' },
  blink: { morphs: ['blinkLeft', 'blinkRight'] },
  blinkLeft: { morphs: ['blinkLeft'] },
  blinkRight: { morphs: ['blinkRight'] },
};
/** Custom expressions for lip sync: lips pressed (P, B, M) and lower lip under the upper teeth (F, V). */
export const CUSTOM_EXPRESSIONS: Readonly<Record<string, ExpressionSpec>> = {
  viseme_PP: { morphs: ['viseme_PP'] },
  viseme_FF: { morphs: ['viseme_FF'] },
};

function expressions(
  table: Readonly<Record<string, ExpressionSpec>>,
  faceNode: number,
  targets: readonly string[],
) {
  return Object.fromEntries(
    Object.entries(table).map(([name, spec]) => [
      name,
      {
        morphTargetBinds: spec.morphs.map((m) => ({ node: faceNode, index: targets.indexOf(m), weight: 1 })),
        isBinary: spec.isBinary ?? false,
        overrideBlink: spec.overrideBlink ?? 'none',
        overrideLookAt: spec.overrideLookAt ?? 'none',
        overrideMouth: spec.overrideMouth ?? 'none',
      },
    ]),
  );
}

/** Inputs of the VRMC_vrm extension. */
export interface VrmInputs {
  readonly faceNode: number;
  readonly hairNode: number;
  readonly morphTargets: readonly string[];
  readonly thumbnailImage: number;
  readonly version: string;
}

/** The VRMC_vrm 1.0 extension object: meta, humanoid, first person, lookAt (bone) and expressions. */
export function vrmExtension(inputs: VrmInputs): JsonObject {
  for (const spec of [...Object.values(PRESET_EXPRESSIONS), ...Object.values(CUSTOM_EXPRESSIONS)]) {
    for (const m of spec.morphs) {
      if (!inputs.morphTargets.includes(m)) throw new Error(`vrmExtension: no morph target ${m}`);
    }
  }
  const range = (inputMaxValue: number, outputScale: number) => ({ inputMaxValue, outputScale });
  return {
    specVersion: '1.0',
    meta: {
      name: 'Digital Human SDK Assistant',
      version: inputs.version,
      authors: ['Digital Human SDK contributors'],
      copyrightInformation: 'Digital Human SDK contributors; dedicated to the public domain under CC0 1.0',
      licenseUrl: 'https://vrm.dev/licenses/1.0/',
      thumbnailImage: inputs.thumbnailImage,
      avatarPermission: 'everyone',
      allowExcessivelyViolentUsage: false,
      allowExcessivelySexualUsage: false,
      commercialUsage: 'corporation',
      allowPoliticalOrReligiousUsage: false,
      allowAntisocialOrHateUsage: false,
      creditNotation: 'unnecessary',
      allowRedistribution: true,
      modification: 'allowModificationRedistribution',
      otherLicenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    },
    humanoid: { humanBones: Object.fromEntries(BONES.map((bone, node) => [bone.name, { node }])) },
    firstPerson: {
      meshAnnotations: [
        { node: inputs.faceNode, type: 'thirdPersonOnly' },
        { node: inputs.hairNode, type: 'thirdPersonOnly' },
      ],
    },
    lookAt: {
      type: 'bone',
      offsetFromHeadBone: [0, FACE.eyeY - BODY.headY, eyeCenterZ() + 0.01],
      rangeMapHorizontalInner: range(40, 16),
      rangeMapHorizontalOuter: range(40, 18),
      rangeMapVerticalDown: range(40, 12),
      rangeMapVerticalUp: range(40, 10),
    },
    expressions: {
      preset: expressions(PRESET_EXPRESSIONS, inputs.faceNode, inputs.morphTargets),
      custom: expressions(CUSTOM_EXPRESSIONS, inputs.faceNode, inputs.morphTargets),
    },
  };
}
