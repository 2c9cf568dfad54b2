import { ARKIT_COUNT, type ArkitBlendshape, ArkitIndex } from '@digital-human/core';
import { type LipsyncWarningHandler, lipsyncWarning } from '../LipsyncWarning';
import type { VisemeCue } from '../VisemeCue';
import { type ArkitFrame, arkitFramesToCues } from './arkit';

/**
 * The order of Azure's 55 facial positions (`<mstts:viseme type="FacialExpression"/>`): ARKit's 52 in Apple's
 * documentation order, then headRoll, leftEyeRoll, rightEyeRoll (dropped here).
 */
export const AZURE_BLENDSHAPES: readonly ArkitBlendshape[] = [
  'eyeBlinkLeft',
  'eyeLookDownLeft',
  'eyeLookInLeft',
  'eyeLookOutLeft',
  'eyeLookUpLeft',
  'eyeSquintLeft',
  'eyeWideLeft',
  'eyeBlinkRight',
  'eyeLookDownRight',
  'eyeLookInRight',
  'eyeLookOutRight',
  'eyeLookUpRight',
  'eyeSquintRight',
  'eyeWideRight',
  'jawForward',
  'jawLeft',
  'jawRight',
  'jawOpen',
  'mouthClose',
  'mouthFunnel',
  'mouthPucker',
  'mouthLeft',
  'mouthRight',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthDimpleLeft',
  'mouthDimpleRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthRollLower',
  'mouthRollUpper',
  'mouthShrugLower',
  'mouthShrugUpper',
  'mouthPressLeft',
  'mouthPressRight',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'browDownLeft',
  'browDownRight',
  'browInnerUp',
  'browOuterUpLeft',
  'browOuterUpRight',
  'cheekPuff',
  'cheekSquintLeft',
  'cheekSquintRight',
  'noseSneerLeft',
  'noseSneerRight',
  'tongueOut',
];

/** Azure blend-shape animation runs at 60 frames per second. */
export const AZURE_BLENDSHAPE_FPS = 60;

/** The JSON in an Azure viseme event's `animation` field. */
export interface AzureAnimationChunk {
  FrameIndex: number;
  BlendShapes: number[][];
}

/**
 * Azure `animation` chunks (JSON strings or parsed) → ARKit frames in our order, timed at FrameIndex / 60 s.
 * Chunks that do not parse, and frames with fewer than 52 values, are skipped with a `bad-input` warning.
 */
export function azureBlendShapesToFrames(
  chunks: readonly (string | AzureAnimationChunk)[],
  onWarning?: LipsyncWarningHandler,
): ArkitFrame[] {
  const frames: ArkitFrame[] = [];
  chunks.forEach((chunk, i) => {
    const parsed = parseChunk(chunk);
    if (!parsed) {
      onWarning?.(
        lipsyncWarning('bad-input', `Azure animation chunk ${i} is not {FrameIndex, BlendShapes}`, i),
      );
      return;
    }
    parsed.BlendShapes.forEach((values, k) => {
      if (!Array.isArray(values) || values.length < ARKIT_COUNT) {
        onWarning?.(
          lipsyncWarning('bad-input', `Azure frame ${parsed.FrameIndex + k} has ${values?.length} values`),
        );
        return;
      }
      const weights = new Float32Array(ARKIT_COUNT);
      AZURE_BLENDSHAPES.forEach((name, j) => {
        weights[ArkitIndex[name]] = values[j] ?? 0;
      });
      frames.push({ time: (parsed.FrameIndex + k) / AZURE_BLENDSHAPE_FPS, weights });
    });
  });
  return frames.sort((a, b) => a.time - b.time);
}

function parseChunk(chunk: string | AzureAnimationChunk): AzureAnimationChunk | null {
  try {
    const value = typeof chunk === 'string' ? (JSON.parse(chunk) as AzureAnimationChunk) : chunk;
    return typeof value?.FrameIndex === 'number' && Array.isArray(value.BlendShapes) ? value : null;
  } catch {
    return null;
  }
}

/** Azure `animation` chunks → viseme cues (via the ARKit estimate). */
export function azureBlendShapesToCues(
  chunks: readonly (string | AzureAnimationChunk)[],
  onWarning?: LipsyncWarningHandler,
): VisemeCue[] {
  return arkitFramesToCues(azureBlendShapesToFrames(chunks, onWarning), 1 / AZURE_BLENDSHAPE_FPS);
}
