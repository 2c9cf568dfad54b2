import type { VRM } from '@pixiv/three-vrm';
import type { Material, Object3D } from 'three';

/** Angle the upper arms are lowered from the T-pose, radians (about 70 degrees). */
const ARM_DOWN = 1.22;
/** Slight bend at the elbows, radians. */
const ELBOW_BEND = 0.12;

/**
 * Lowers the arms from the T-pose to a relaxed standing pose, through the normalized humanoid bones.
 * VRM 0.x normalized bones keep the model's own -Z facing, so rotations about Z flip sign.
 */
export function relaxArms(vrm: VRM): void {
  const sign = vrm.meta.metaVersion === '0' ? -1 : 1;
  const bone = (name: 'leftUpperArm' | 'rightUpperArm' | 'leftLowerArm' | 'rightLowerArm'): Object3D | null =>
    vrm.humanoid.getNormalizedBoneNode(name);
  bone('leftUpperArm')?.rotation.set(0, 0, -sign * ARM_DOWN);
  bone('rightUpperArm')?.rotation.set(0, 0, sign * ARM_DOWN);
  bone('leftLowerArm')?.rotation.set(0, sign * ELBOW_BEND, 0);
  bone('rightLowerArm')?.rotation.set(0, -sign * ELBOW_BEND, 0);
}

interface MaybeOutline extends Material {
  isOutline?: boolean;
}

/**
 * Shows or hides MToon outlines. An outline is a second, back-face copy of the mesh, so hiding it saves a draw
 * call per mesh on low-end phones. Returns how many outline materials were changed.
 */
export function setOutlines(vrm: VRM, visible: boolean): number {
  let count = 0;
  vrm.scene.traverse((object) => {
    const material = (object as Object3D & { material?: Material | Material[] }).material;
    if (!material) return;
    const list = Array.isArray(material) ? material : [material];
    for (const m of list as MaybeOutline[]) {
      if (m.isOutline === true) {
        m.visible = visible;
        count++;
      }
    }
  });
  return count;
}
