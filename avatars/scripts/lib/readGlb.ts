/** A parsed GLB: its JSON document and its binary chunk. */
export interface Glb {
  readonly json: GltfJson;
  readonly bin: Buffer;
}

/** The parts of a glTF document the avatar checks read. */
export interface GltfJson {
  readonly asset: { readonly version: string };
  readonly extensionsUsed?: string[];
  readonly extensions?: { readonly VRMC_vrm?: VrmJson };
  readonly nodes: ReadonlyArray<{
    name?: string;
    mesh?: number;
    skin?: number;
    translation?: number[];
    rotation?: number[];
    scale?: number[];
    children?: number[];
  }>;
  readonly meshes: ReadonlyArray<{
    name?: string;
    extras?: { targetNames?: string[] };
    primitives: ReadonlyArray<{
      attributes: Record<string, number>;
      targets?: ReadonlyArray<Record<string, number>>;
      material?: number;
    }>;
  }>;
  readonly extensionsRequired?: string[];
  readonly accessors: ReadonlyArray<{
    bufferView?: number;
    componentType: number;
    count: number;
    type: string;
    normalized?: boolean;
    min?: number[];
    max?: number[];
    sparse?: {
      count: number;
      indices: { bufferView: number; componentType: number };
      values: { bufferView: number };
    };
  }>;
  readonly bufferViews: ReadonlyArray<{ byteOffset?: number; byteLength: number }>;
  readonly images: ReadonlyArray<{ bufferView?: number; mimeType?: string; name?: string }>;
  readonly materials: ReadonlyArray<{
    name?: string;
    pbrMetallicRoughness?: { baseColorTexture?: { index: number } };
    extensions?: Record<string, unknown>;
  }>;
  readonly skins: ReadonlyArray<{ joints: number[]; inverseBindMatrices?: number }>;
}

/** The parts of VRMC_vrm the checks read. */
export interface VrmJson {
  readonly specVersion: string;
  readonly meta: Record<string, unknown>;
  readonly humanoid: { readonly humanBones: Record<string, { node: number }> };
  readonly lookAt?: {
    type?: string;
    rangeMapHorizontalOuter?: { inputMaxValue: number; outputScale: number };
  };
  readonly expressions?: {
    readonly preset?: Record<string, VrmExpressionJson>;
    readonly custom?: Record<string, VrmExpressionJson>;
  };
}

/** One VRMC_vrm expression as stored. */
export interface VrmExpressionJson {
  readonly morphTargetBinds?: ReadonlyArray<{ node: number; index: number; weight: number }>;
  readonly overrideBlink?: string;
  readonly overrideMouth?: string;
}

/** Splits a GLB file into its JSON and BIN chunks, checking the header and chunk types. */
export function readGlb(file: Buffer): Glb {
  if (file.readUInt32LE(0) !== 0x46546c67) throw new Error('readGlb: not a GLB file');
  if (file.readUInt32LE(4) !== 2) throw new Error('readGlb: not glTF 2.0');
  if (file.readUInt32LE(8) !== file.length) throw new Error('readGlb: length mismatch');
  const jsonLength = file.readUInt32LE(12);
  if (file.readUInt32LE(16) !== 0x4e4f534a) throw new Error('readGlb: first chunk is not JSON');
  const json = JSON.parse(file.subarray(20, 20 + jsonLength).toString('utf8')) as GltfJson;
  const binStart = 20 + jsonLength;
  const binLength = file.readUInt32LE(binStart);
  if (file.readUInt32LE(binStart + 4) !== 0x004e4942) throw new Error('readGlb: second chunk is not BIN');
  return { json, bin: file.subarray(binStart + 8, binStart + 8 + binLength) };
}

/** The bytes of a buffer view. */
export function viewBytes(glb: Glb, view: number): Buffer {
  const v = glb.json.bufferViews[view];
  if (!v) throw new Error(`readGlb: no buffer view ${view}`);
  return glb.bin.subarray(v.byteOffset ?? 0, (v.byteOffset ?? 0) + v.byteLength);
}
