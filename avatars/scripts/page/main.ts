// Preview page for the default avatar, driven by render-avatar.ts and check-avatar.ts through window.avatarPage.
import { type VRM, VRMExpressionPresetName, VRMLoaderPlugin } from '@pixiv/three-vrm';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { AvatarPage, CheckReport, ShotOptions } from './pageApi';

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(1);
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(24, 1, 0.05, 20);
const key = new THREE.DirectionalLight(0xffffff, 2.6);
key.position.set(0.6, 1.4, 2.2);
scene.add(key, new THREE.AmbientLight(0xffffff, 0.9));
let vrm: VRM | null = null;

function background(top: string, bottom: string): THREE.Texture {
  const canvas = document.createElement('canvas');
  canvas.width = 4;
  canvas.height = 256;
  const ctx = canvas.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 0, 256);
  g.addColorStop(0, top);
  g.addColorStop(1, bottom);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 4, 256);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  return texture;
}
scene.background = background('#f4f7fb', '#c9d6e8');

async function load(url: string): Promise<void> {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  const gltf = await loader.loadAsync(url);
  vrm = gltf.userData.vrm as VRM;
  scene.add(vrm.scene);
}

function pose(options: ShotOptions): void {
  if (!vrm) throw new Error('avatar page: load() first');
  const h = vrm.humanoid;
  const arm = options.armsDown ?? 1.2;
  h.getNormalizedBoneNode('leftUpperArm')!.rotation.set(0, 0, -arm);
  h.getNormalizedBoneNode('rightUpperArm')!.rotation.set(0, 0, arm);
  h.getNormalizedBoneNode('leftLowerArm')!.rotation.set(0, -0.25, 0);
  h.getNormalizedBoneNode('rightLowerArm')!.rotation.set(0, 0.25, 0);
  h.getNormalizedBoneNode('chest')!.rotation.set((options.chestPitch ?? 0) / 2, 0, 0);
  h.getNormalizedBoneNode('upperChest')!.rotation.set((options.chestPitch ?? 0) / 2, 0, 0);
  h.getNormalizedBoneNode('head')!.rotation.set(
    options.headPitch ?? 0,
    options.headYaw ?? 0,
    options.headRoll ?? 0,
  );
  const em = vrm.expressionManager!;
  for (const name of Object.keys(em.expressionMap)) em.setValue(name, 0);
  for (const [name, weight] of Object.entries(options.expressions ?? {})) em.setValue(name, weight);
  const target = options.lookAt ?? [0, 1.5, 3];
  vrm.lookAt!.lookAt(new THREE.Vector3(...target));
  vrm.update(0);
}

function shot(options: ShotOptions): string {
  pose(options);
  const size = options.size ?? 512;
  renderer.setSize(size, size);
  const [cx, cy, cz] = options.camera ?? [0, 1.485, 0.95];
  const [tx, ty, tz] = options.target ?? [0, 1.465, 0];
  camera.position.set(cx, cy, cz);
  camera.fov = options.fov ?? 24;
  camera.updateProjectionMatrix();
  camera.lookAt(tx, ty, tz);
  renderer.render(scene, camera);
  return renderer.domElement.toDataURL('image/png');
}

function check(): CheckReport {
  if (!vrm) throw new Error('avatar page: load() first');
  const em = vrm.expressionManager!;
  const expressions = Object.fromEntries(
    Object.entries(em.expressionMap).map(([name, e]) => {
      pose({ expressions: { [name]: 1 } });
      return [name, { binds: e.binds.length, influence: maxInfluence(vrm!.scene) }];
    }),
  );
  const eye = vrm.humanoid.getRawBoneNode('leftEye')!;
  pose({ lookAt: [0, 1.55, 3] });
  const straight = eye.quaternion.clone();
  pose({ lookAt: [2, 1.55, 1] });
  const turned = eye.quaternion.clone();
  const bones = Object.keys(vrm.humanoid.humanBones).filter((n) => vrm!.humanoid.getRawBoneNode(n as never));
  return {
    metaVersion: vrm.meta.metaVersion,
    meta: JSON.parse(JSON.stringify(vrm.meta)) as Record<string, unknown>,
    bones,
    expressions,
    presetNames: Object.values(VRMExpressionPresetName),
    lookAtType: vrm.lookAt!.applier.constructor.name,
    eyeTurnDegrees: THREE.MathUtils.radToDeg(straight.angleTo(turned)),
    morphTargetCount: countMorphs(vrm.scene),
  };
}

function maxInfluence(root: THREE.Object3D): number {
  let max = 0;
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    for (const w of mesh.morphTargetInfluences ?? []) max = Math.max(max, w);
  });
  return max;
}

function countMorphs(root: THREE.Object3D): number {
  let n = 0;
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (mesh.isMesh && mesh.morphTargetInfluences) n = Math.max(n, mesh.morphTargetInfluences.length);
  });
  return n;
}

const api: AvatarPage = { load, shot, check };
(window as unknown as { avatarPage: AvatarPage }).avatarPage = api;
