import { EMOTIONS, type FaceFrame, VISEME_COUNT } from '@digital-human/core';
import type { VRM } from '@pixiv/three-vrm';
import { Euler, MathUtils, type Object3D } from 'three';
import type { FaceMapping } from './createFaceMapping';
import { MOUTH_PRESETS } from './visemeMap';

/** Share of head rotation taken by the neck; the head bone takes the rest. */
const NECK_SHARE = 0.4;
/** Peak breathing rotations, radians. */
const BREATH_SPINE = 0.008;
const BREATH_CHEST = 0.012;
const BREATH_SHOULDER = 0.025;

const PRESET_COUNT = MOUTH_PRESETS.length;
const _mouth = new Float32Array(PRESET_COUNT);
const _custom = new Float32Array(16);
const _euler = new Euler(0, 0, 0, 'YXZ');

/**
 * Writes one {@link FaceFrame} into a VRM: visemes to the mouth presets (or custom viseme expressions), emotions,
 * blinks, gaze (through `vrm.lookAt`, whose range maps apply), head rotation over neck and head, and breathing over
 * spine, chest and shoulders. Call `vrm.update(dt)` afterwards to resolve expressions (binary and override rules).
 * Allocation-free.
 */
export function applyFaceFrame(vrm: VRM, frame: FaceFrame, mapping: FaceMapping): void {
  applyMouth(vrm, frame, mapping);
  const expressions = vrm.expressionManager;
  if (expressions) {
    for (let i = 0; i < EMOTIONS.length; i++) {
      if (mapping.emotionPresent[i]) expressions.setValue(EMOTIONS[i] as string, frame.emotions[i] ?? 0);
    }
    if (mapping.blinkMode === 'pair') {
      expressions.setValue('blinkLeft', frame.blinkLeft);
      expressions.setValue('blinkRight', frame.blinkRight);
    } else if (mapping.blinkMode === 'single') {
      expressions.setValue('blink', 0.5 * (frame.blinkLeft + frame.blinkRight));
    }
  }
  if (vrm.lookAt) {
    vrm.lookAt.yaw = MathUtils.RAD2DEG * frame.gazeYaw;
    // VRM lookAt pitch is positive downwards; FaceFrame pitch is positive upwards.
    vrm.lookAt.pitch = -MathUtils.RAD2DEG * frame.gazePitch;
  }
  applyHead(frame, mapping);
  applyBreath(frame.breath, mapping);
}

function applyMouth(vrm: VRM, frame: FaceFrame, mapping: FaceMapping): void {
  const expressions = vrm.expressionManager;
  if (!expressions) return;
  _mouth.fill(0);
  _custom.fill(0);
  for (let v = 0; v < VISEME_COUNT; v++) {
    const weight = frame.visemes[v] ?? 0;
    if (weight === 0) continue;
    const slot = mapping.visemeCustom[v] ?? -1;
    if (slot >= 0) {
      _custom[slot] = (_custom[slot] ?? 0) + weight;
      continue;
    }
    for (let p = 0; p < PRESET_COUNT; p++) {
      _mouth[p] = (_mouth[p] ?? 0) + weight * (mapping.mouth[v * PRESET_COUNT + p] ?? 0);
    }
  }
  for (let p = 0; p < PRESET_COUNT; p++) {
    if (mapping.mouthPresent[p]) expressions.setValue(MOUTH_PRESETS[p] as string, _mouth[p] ?? 0);
  }
  for (let c = 0; c < mapping.customNames.length; c++) {
    expressions.setValue(mapping.customNames[c] as string, _custom[c] ?? 0);
  }
}

function applyHead(frame: FaceFrame, mapping: FaceMapping): void {
  const { neck, head } = mapping.bones;
  const neckShare = neck && head ? NECK_SHARE : neck ? 1 : 0;
  rotate(neck, frame, neckShare, mapping.axisSign);
  rotate(head, frame, 1 - neckShare, mapping.axisSign);
}

/** Yaw turns toward the avatar's left, pitch up is positive, roll about the facing axis. */
function rotate(bone: Object3D | null, frame: FaceFrame, share: number, sign: 1 | -1): void {
  if (!bone) return;
  _euler.set(-sign * share * frame.headPitch, share * frame.headYaw, sign * share * frame.headRoll, 'YXZ');
  bone.quaternion.setFromEuler(_euler);
}

function applyBreath(breath: number, mapping: FaceMapping): void {
  const { spine, chest, upperChest, leftShoulder, rightShoulder } = mapping.bones;
  const sign = mapping.axisSign;
  // Inhaling straightens the back a little (a slight pitch up) and lifts the shoulders.
  if (spine) spine.rotation.set(-sign * BREATH_SPINE * breath, 0, 0);
  if (chest) chest.rotation.set(-sign * BREATH_CHEST * breath, 0, 0);
  if (upperChest) upperChest.rotation.set(-sign * BREATH_CHEST * breath, 0, 0);
  if (leftShoulder) leftShoulder.rotation.set(0, 0, sign * BREATH_SHOULDER * breath);
  if (rightShoulder) rightShoulder.rotation.set(0, 0, -sign * BREATH_SHOULDER * breath);
}
