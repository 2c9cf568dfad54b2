import { ARKIT_COUNT } from '@digital-human/core';

// The ARKit names and order live in core (`ARKIT_BLENDSHAPES`); sense keeps its own names for them.
export {
  ARKIT_BLENDSHAPES,
  type ArkitBlendshape as BlendshapeName,
  ArkitIndex as BlendshapeIndex,
  arkitWeights as blendshapesFrom,
} from '@digital-human/core';

/** Creates a zeroed weights array of {@link ARKIT_COUNT} entries. */
export function createBlendshapes(): Float32Array {
  return new Float32Array(ARKIT_COUNT);
}
