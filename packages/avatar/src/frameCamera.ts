import type { VRM } from '@pixiv/three-vrm';
import { Box3, MathUtils, type PerspectiveCamera, Vector3 } from 'three';

/** What the camera shows: head and shoulders (`bust`) or the whole body (`full`). */
export type AvatarFraming = 'bust' | 'full';

const _box = new Box3();
const _head = new Vector3();
const _hips = new Vector3();
const _size = new Vector3();
const _center = new Vector3();

/**
 * Points `camera` at the avatar (which faces +Z) so the framing fills the view at the camera's aspect.
 * `bust` spans from the top of the model to the upper chest, measured from the humanoid head and hips bones, so
 * it adapts to realistic and big-headed (chibi) proportions alike.
 */
export function frameCamera(camera: PerspectiveCamera, vrm: VRM, framing: AvatarFraming): void {
  vrm.scene.updateMatrixWorld(true);
  _box.setFromObject(vrm.scene);
  _box.getSize(_size);
  _box.getCenter(_center);
  const head = vrm.humanoid.getNormalizedBoneNode('head');
  const hips = vrm.humanoid.getNormalizedBoneNode('hips');
  let height = _size.y * 1.08;
  let width = _size.x * 1.08;
  let centerY = _center.y;
  let centerX = _center.x;
  if (framing === 'bust' && head && hips) {
    head.getWorldPosition(_head);
    hips.getWorldPosition(_hips);
    // Down to the upper chest: 45% of the way from the head bone to the hips, for any body proportions.
    const bottom = _head.y - 0.45 * Math.max(_head.y - _hips.y, 0.05);
    const top = _box.max.y + 0.05 * (_box.max.y - bottom);
    height = top - bottom;
    width = 0.9 * height;
    centerY = (top + bottom) / 2;
    centerX = _head.x;
  }
  const halfFov = MathUtils.DEG2RAD * camera.fov * 0.5;
  const distanceForHeight = height / 2 / Math.tan(halfFov);
  const distanceForWidth = width / 2 / (Math.tan(halfFov) * camera.aspect);
  const distance = Math.max(distanceForHeight, distanceForWidth);
  const frontZ = framing === 'bust' && head && hips ? _head.z : _center.z;
  camera.position.set(centerX, centerY, frontZ + distance);
  camera.near = Math.max(distance / 100, 0.01);
  camera.far = distance * 10 + _size.length();
  camera.lookAt(centerX, centerY, frontZ);
  camera.updateProjectionMatrix();
}
