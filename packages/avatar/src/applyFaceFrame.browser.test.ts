import { createFaceFrame, EmotionIndex, VisemeIndex } from '@digital-human/core';
import { VRMExpression, VRMUtils } from '@pixiv/three-vrm';
import { Euler, Quaternion, Vector3 } from 'three';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { applyFaceFrame } from './applyFaceFrame';
import { createFaceMapping } from './createFaceMapping';
import { type LoadedAvatar, loadVRM } from './loadVRM';

const fixturesUrl = inject('fixturesUrl');
let avatar: LoadedAvatar | null = null;

async function godette(): Promise<LoadedAvatar> {
  avatar = await loadVRM(`${fixturesUrl}godette_vrm0.vrm`);
  return avatar;
}

afterEach(() => {
  if (avatar) VRMUtils.deepDispose(avatar.vrm.scene);
  avatar = null;
});

describe.skipIf(!fixturesUrl)('applyFaceFrame on Godette (fixtures)', () => {
  it('blends consonants over the vowel presets and approximates PP without a custom expression', async () => {
    const { vrm } = await godette();
    const mapping = createFaceMapping(vrm);
    expect(mapping.customNames).toEqual([]);
    const frame = createFaceFrame();
    frame.visemes[VisemeIndex.PP] = 1;
    applyFaceFrame(vrm, frame, mapping);
    const value = (name: string): number => vrm.expressionManager?.getValue(name) ?? Number.NaN;
    expect(value('ou')).toBeCloseTo(0.12);
    expect(value('aa') + value('ih') + value('ee') + value('oh')).toBe(0);
    frame.visemes[VisemeIndex.PP] = 0;
    frame.visemes[VisemeIndex.aa] = 0.5;
    frame.visemes[VisemeIndex.SS] = 1;
    frame.emotions[EmotionIndex.sad] = 0.7;
    applyFaceFrame(vrm, frame, mapping);
    expect(value('aa')).toBeCloseTo(0.5);
    expect(value('ih')).toBeCloseTo(0.5);
    expect(value('ee')).toBeCloseTo(0.2);
    expect(value('sad')).toBeCloseTo(0.7);
  });

  it('uses custom viseme_PP when the model has it', async () => {
    const { vrm } = await godette();
    vrm.expressionManager?.registerExpression(new VRMExpression('viseme_PP'));
    const mapping = createFaceMapping(vrm);
    expect(mapping.customNames).toEqual(['viseme_PP']);
    const frame = createFaceFrame();
    frame.visemes[VisemeIndex.PP] = 0.8;
    applyFaceFrame(vrm, frame, mapping);
    expect(vrm.expressionManager?.getValue('viseme_PP')).toBeCloseTo(0.8);
    expect(vrm.expressionManager?.getValue('ou')).toBe(0);
  });

  it('drives the shared blink because Godette marks blink_l/blink_r binary', async () => {
    const { vrm } = await godette();
    const mapping = createFaceMapping(vrm);
    expect(mapping.blinkMode).toBe('single');
    const frame = createFaceFrame();
    frame.blinkLeft = 1;
    frame.blinkRight = 0.5;
    applyFaceFrame(vrm, frame, mapping);
    expect(vrm.expressionManager?.getValue('blink')).toBeCloseTo(0.75);
  });

  it('turns gaze into lookAt degrees and spreads head rotation 40/60 over neck and head', async () => {
    const { vrm } = await godette();
    const mapping = createFaceMapping(vrm);
    const frame = createFaceFrame();
    frame.gazeYaw = 0.1;
    frame.gazePitch = 0.05;
    frame.headYaw = 0.5;
    applyFaceFrame(vrm, frame, mapping);
    expect(vrm.lookAt?.yaw).toBeCloseTo(5.7296, 3);
    expect(vrm.lookAt?.pitch).toBeCloseTo(-2.8648, 3);
    const yawOf = (name: 'neck' | 'head'): number => {
      const bone = vrm.humanoid.getNormalizedBoneNode(name);
      return bone ? new Euler().setFromQuaternion(bone.quaternion, 'YXZ').y : Number.NaN;
    };
    expect(yawOf('neck')).toBeCloseTo(0.2);
    expect(yawOf('head')).toBeCloseTo(0.3);
    // The turn is toward the avatar's left: its face (toward +Z, the camera) swings toward +X; pitch up lifts it.
    frame.gazeYaw = 0;
    frame.gazePitch = 0;
    frame.headPitch = 0.3;
    applyFaceFrame(vrm, frame, mapping);
    vrm.update(0);
    vrm.scene.updateMatrixWorld(true);
    // Normalized bones rest aligned with the rig root; a VRM 0.x face looks down the root's -Z.
    const q = vrm.humanoid.getNormalizedBoneNode('head')?.getWorldQuaternion(new Quaternion());
    const facing = q && new Vector3(0, 0, -1).applyQuaternion(q);
    expect(facing?.z).toBeGreaterThan(0.5);
    expect(facing?.x).toBeGreaterThan(0.3);
    expect(facing?.y).toBeGreaterThan(0.1);
  });
});

describe.skipIf(!fixturesUrl)('applyFaceFrame on the VRM 1.0 rig (fixtures)', () => {
  it('leaves missing presets alone and resolves isBinary in vrm.update', async () => {
    avatar = await loadVRM(`${fixturesUrl}vrmc_isbinary_overrides_vrm1.vrm`);
    const { vrm } = avatar;
    const mapping = createFaceMapping(vrm);
    expect(mapping.mouthPresent.every((p) => !p)).toBe(true);
    expect(mapping.blinkMode).toBe('single');
    const frame = createFaceFrame();
    frame.emotions[EmotionIndex.happy] = 0.6;
    frame.blinkLeft = 1;
    frame.blinkRight = 1;
    applyFaceFrame(vrm, frame, mapping);
    vrm.update(0);
    const happy = vrm.expressionManager?.getExpression('happy');
    expect(happy?.outputWeight).toBe(1);
  });
});

const DEFAULT_AVATAR = '/avatars/default/assistant.vrm';
const hasDefaultAvatar = (await fetch(DEFAULT_AVATAR, { method: 'HEAD' })).ok;

describe.skipIf(!hasDefaultAvatar)('applyFaceFrame on the default avatar (avatars/default)', () => {
  it('shows PP and FF with the model custom viseme_PP / viseme_FF and drives separate eyelids', async () => {
    avatar = await loadVRM(DEFAULT_AVATAR);
    const { vrm } = avatar;
    const mapping = createFaceMapping(vrm);
    expect(mapping.customNames).toEqual(['viseme_PP', 'viseme_FF']);
    expect(mapping.blinkMode).toBe('pair');
    const frame = createFaceFrame();
    frame.visemes[VisemeIndex.PP] = 1;
    frame.visemes[VisemeIndex.FF] = 0.4;
    frame.blinkLeft = 1;
    applyFaceFrame(vrm, frame, mapping);
    const value = (name: string): number => vrm.expressionManager?.getValue(name) ?? Number.NaN;
    expect(value('viseme_PP')).toBe(1);
    expect(value('viseme_FF')).toBeCloseTo(0.4);
    expect(value('ou') + value('ih') + value('ee')).toBe(0);
    expect(value('blinkLeft')).toBe(1);
    expect(value('blinkRight')).toBe(0);
  });
});
