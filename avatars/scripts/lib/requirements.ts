/**
 * What the SDK needs of the default avatar, checked by the unit test (file structure) and by check-avatar.ts (loaded
 * in three-vrm): the humanoid bones, the preset expressions and the custom lip-sync expressions.
 */
export const REQUIRED_BONES: readonly string[] = [
  'hips',
  'spine',
  'chest',
  'upperChest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
  'leftShoulder',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightShoulder',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
];

/** The VRM 1.0 preset expressions the SDK drives. */
export const REQUIRED_PRESETS: readonly string[] = [
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'happy',
  'angry',
  'sad',
  'relaxed',
  'surprised',
  'blink',
  'blinkLeft',
  'blinkRight',
];

/** Custom expressions for lip closure (PP) and lip-to-teeth (FF). */
export const REQUIRED_CUSTOM_EXPRESSIONS: readonly string[] = ['viseme_PP', 'viseme_FF'];

/** Every expression the avatar must bind. */
export const REQUIRED_EXPRESSIONS: readonly string[] = [...REQUIRED_PRESETS, ...REQUIRED_CUSTOM_EXPRESSIONS];
