import { arkitWeights } from '@digital-human/core';
import {
  createOperatorFaceFrame,
  decodeFaceFrameInto,
  encodeFaceFrame,
  FACE_FRAME_BYTES,
} from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { createFaceSample } from './FaceSample';
import { gazeFromBlendshapes, operatorFrameFromSample } from './operatorCaptureFrame';

describe('operator frames from face samples', () => {
  it('looks to the left when the left eye looks out and the right eye in; up and down likewise', () => {
    const gaze = { yaw: 0, pitch: 0 };
    gazeFromBlendshapes(arkitWeights({ eyeLookOutLeft: 1, eyeLookInRight: 1 }), gaze);
    expect(gaze.yaw).toBeCloseTo(0.5, 6);
    expect(gaze.pitch).toBe(0);
    gazeFromBlendshapes(arkitWeights({ eyeLookInLeft: 0.5, eyeLookOutRight: 0.5 }), gaze, 0.4);
    expect(gaze.yaw).toBeCloseTo(-0.2, 6);
    gazeFromBlendshapes(arkitWeights({ eyeLookUpLeft: 1, eyeLookUpRight: 1 }), gaze);
    expect(gaze.pitch).toBeCloseTo(0.3, 6);
    gazeFromBlendshapes(arkitWeights({ eyeLookDownLeft: 1, eyeLookDownRight: 1 }), gaze);
    expect(gaze.pitch).toBeCloseTo(-0.3, 6);
  });

  it('fills a frame that survives the 73-byte codec (seq, capture time, weights, head, gaze)', () => {
    const sample = createFaceSample();
    sample.present = true;
    arkitWeights(
      { jawOpen: 0.6, mouthSmileLeft: 0.8, eyeLookOutLeft: 0.4, eyeLookInRight: 0.4 },
      sample.blendshapes,
    );
    sample.headYaw = 0.25;
    sample.headPitch = -0.1;
    sample.headRoll = 0.05;
    const frame = operatorFrameFromSample(sample, 2 ** 32 + 7, 2 ** 32 + 1234.4, createOperatorFaceFrame());
    expect(frame.seq).toBe(7);
    expect(frame.timestampMs).toBe(1234);
    const bytes = encodeFaceFrame(frame);
    expect(bytes.length).toBe(FACE_FRAME_BYTES);
    expect(bytes.length).toBeLessThan(200);
    const back = createOperatorFaceFrame();
    expect(decodeFaceFrameInto(bytes, back)).toBeNull();
    expect(back.tracked).toBe(true);
    expect(back.blendshapes[24]).toBeCloseTo(0.6, 2); // jawOpen
    expect(back.headYaw).toBeCloseTo(0.25, 3);
    expect(back.gazeYaw).toBeCloseTo(0.2, 2);
  });

  it('marks a lost face untracked', () => {
    const sample = createFaceSample();
    sample.present = false;
    expect(operatorFrameFromSample(sample, 1, 0, createOperatorFaceFrame()).tracked).toBe(false);
  });
});
