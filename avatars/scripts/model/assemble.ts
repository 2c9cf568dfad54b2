import { Matrix4, Vector3 } from 'three';
import { decodePng, halve } from '../lib/decodePng';
import { encodePng } from '../lib/encodePng';
import { GltfBuilder, type JsonObject } from '../lib/GltfBuilder';
import type { MeshPart } from '../lib/MeshPart';
import { positionGrid } from '../lib/quantize';
import { buildBody } from './body';
import { buildEyeballs, buildLids } from './eyes';
import { addFaceMorph, bakeFacePose, FACE_POSES } from './faceMorphs';
import { buildHair } from './hair';
import { buildHead } from './head';
import { baseNormal } from './headShape';
import { gltfMaterial, MATERIALS } from './materials';
import { buildMouthInterior } from './mouthInterior';
import { buildOutfit } from './outfit';
import { paintBlazer } from './outfitTextures';
import { BONES } from './rig';
import { paintEye, paintFace, paintHair, paintNeck } from './textures';
import { vrmExtension } from './vrmExtension';

/** Semantic version written into the avatar's meta; bump when the look changes. */
export const AVATAR_VERSION = '1.0.0';

function addBones(gltf: GltfBuilder): void {
  BONES.forEach((bone) => {
    const parent = bone.parent === null ? null : BONES.find((b) => b.name === bone.parent)!;
    const t = bone.at.map((v, i) => v - (parent ? parent.at[i]! : 0));
    gltf.node({ name: bone.name, translation: t });
  });
  BONES.forEach((bone, i) => {
    const children = BONES.flatMap((b, j) => (b.parent === bone.name ? [j] : []));
    if (children.length > 0) gltf.json.nodes[i]!.children = children;
  });
  // Positions are stored on the grid; each inverse bind matrix first dequantises them into metres.
  const { offset, scale } = gltf.grid;
  const dequantize = new Matrix4()
    .makeScale(scale, scale, scale)
    .setPosition(offset[0], offset[1], offset[2]);
  const ibm: number[] = [];
  for (const bone of BONES) {
    const inverse = new Matrix4().makeTranslation(-bone.at[0], -bone.at[1], -bone.at[2]);
    ibm.push(...inverse.multiply(dequantize).elements);
  }
  const inverseBindMatrices = gltf.floats(ibm, 'MAT4', false, false);
  gltf.json.skins.push({ joints: BONES.map((_, i) => i), inverseBindMatrices, skeleton: 0 });
}

function addMesh(gltf: GltfBuilder, name: string, parts: readonly MeshPart[], materials: string[]): number {
  const targetNames = [...(parts[0]?.morphs.keys() ?? [])];
  const primitives = parts.map((part) => {
    if (part.normals.length === 0) part.computeNormals();
    let material = materials.indexOf(part.material);
    if (material < 0) material = materials.push(part.material) - 1;
    const attributes: JsonObject = {
      POSITION: gltf.positions(part.positions),
      NORMAL: gltf.normals(part.normals),
    };
    // Texture coordinates only where the material samples a texture (plain colours never read them).
    if (MATERIALS[part.material]?.texture !== undefined) attributes.TEXCOORD_0 = gltf.uvs(part.uvs);
    attributes.JOINTS_0 = gltf.joints(part.joints);
    attributes.WEIGHTS_0 = gltf.weights(part.weights);
    const primitive: JsonObject = {
      attributes,
      indices: gltf.indices(part.indices, part.vertexCount),
      material,
      mode: 4,
    };
    if (targetNames.length > 0) {
      primitive.targets = targetNames.map((t) => ({ POSITION: gltf.sparseDeltas(part.morphs.get(t)!) }));
    }
    return primitive;
  });
  const mesh: JsonObject = { name, primitives };
  if (targetNames.length > 0) {
    mesh.weights = targetNames.map(() => 0);
    mesh.extras = { targetNames };
  }
  const meshIndex = gltf.json.meshes.push(mesh) - 1;
  const node = gltf.node({ name, mesh: meshIndex, skin: 0 });
  gltf.json.scenes[0]!.nodes.push(node);
  return node;
}

/** Normals of the face surface under each vertex: set-in parts (the lids) then shade exactly like the skin. */
function faceNormals(part: MeshPart): Float32Array {
  const n = new Float32Array(part.positions.length);
  const v = new Vector3();
  for (let i = 0; i < part.vertexCount; i++) {
    baseNormal(part.positions[i * 3]!, part.positions[i * 3 + 1]!, v).toArray(n, i * 3);
  }
  return n;
}

function buildFace(): { parts: MeshPart[]; targets: string[] } {
  const head = buildHead();
  const lids = buildLids();
  const parts = [head, ...buildMouthInterior()];
  bakeFacePose(parts, { corners: 0.3 });
  for (const [name, pose] of FACE_POSES) addFaceMorph(parts, lids.morph, name, pose);
  lids.part.normals = faceNormals(lids.part);
  return { parts: [head, lids.part, ...parts.slice(1)], targets: FACE_POSES.map(([name]) => name) };
}

/** The VRM's own thumbnail: the portrait PNG halved (512x512 -> 256x256) with a box filter. */
export function vrmThumbnail(portraitPng: Uint8Array): Buffer {
  const small = halve(decodePng(portraitPng));
  return encodePng(small.width, small.height, small.rgba);
}

/**
 * Builds the whole avatar and returns the .vrm (GLB) bytes, embedding `thumbnailPng` (the 512x512 portrait),
 * halved, as the meta thumbnail.
 */
export function assembleAvatar(thumbnailPng: Uint8Array): Buffer {
  const face = buildFace();
  const eyes = [buildEyeballs()];
  const [blazer, ...rest] = buildBody();
  const [lapels, ...outfit] = buildOutfit();
  blazer!.append(lapels!);
  const body = [blazer!, ...rest, ...outfit];
  const hair = [buildHair()];
  const gltf = new GltfBuilder(
    positionGrid([...face.parts, ...eyes, ...body, ...hair].map((p) => p.positions)),
  );
  for (const ext of ['VRMC_vrm', 'VRMC_materials_mtoon']) gltf.use(ext);
  addBones(gltf);
  gltf.json.scenes[0]!.nodes.push(0);
  const materials: string[] = [];
  const faceNode = addMesh(gltf, 'Face', face.parts, materials);
  addMesh(gltf, 'Eyes', eyes, materials);
  addMesh(gltf, 'Body', body, materials);
  const hairNode = addMesh(gltf, 'Hair', hair, materials);
  const textures = new Map<string, number>();
  const painters: Record<string, () => { toPng(): Buffer }> = {
    face: paintFace,
    neck: paintNeck,
    eye: paintEye,
    hair: paintHair,
    blazer: paintBlazer,
  };
  const textureIndex = (key: string) => {
    const known = textures.get(key);
    if (known !== undefined) return known;
    const index = gltf.pngTexture(painters[key]!().toPng(), key);
    textures.set(key, index);
    return index;
  };
  gltf.json.materials = materials.map((m) => gltfMaterial(m, textureIndex));
  const thumbnailImage = gltf.pngImage(vrmThumbnail(thumbnailPng), 'thumbnail');
  gltf.json.extensions.VRMC_vrm = vrmExtension({
    faceNode,
    hairNode,
    morphTargets: face.targets,
    thumbnailImage,
    version: AVATAR_VERSION,
  });
  return gltf.toGlb();
}
