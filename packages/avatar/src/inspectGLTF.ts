import { AvatarLoadError } from './AvatarLoadError';

/** VRM major version of a file: `'0'` for VRM 0.x (`VRM` extension), `'1'` for VRM 1.0 (`VRMC_vrm`). */
export type VRMVersion = '0' | '1';

const GLB_MAGIC = 0x46546c67; // 'glTF'
const JSON_CHUNK = 0x4e4f534a; // 'JSON'
/** `VRMC_vrm` spec versions three-vrm 3 can read. */
const KNOWN_VRM1_SPECS: ReadonlySet<string> = new Set(['1.0', '1.0-beta']);

interface GLTFJson {
  asset?: { version?: unknown };
  extensionsUsed?: unknown;
  extensions?: Record<string, { specVersion?: unknown } | undefined>;
}

/**
 * Reads the glTF JSON of a `.vrm`/`.glb` (or `.gltf` JSON) without parsing meshes, and tells the VRM version.
 * Throws {@link AvatarLoadError} `corrupt` for unparseable bytes, `not-vrm` for a glTF without VRM, and
 * `unsupported-version` for an unknown `VRMC_vrm` spec version.
 */
export function inspectGLTF(bytes: Uint8Array): VRMVersion {
  const json = readJson(bytes);
  if (typeof json.asset?.version !== 'string') {
    throw new AvatarLoadError('corrupt', 'the file is not glTF (no asset.version)');
  }
  const vrm1 = json.extensions?.VRMC_vrm;
  if (vrm1) {
    const spec = String(vrm1.specVersion);
    if (!KNOWN_VRM1_SPECS.has(spec)) {
      throw new AvatarLoadError('unsupported-version', `VRMC_vrm specVersion "${spec}" is not supported`);
    }
    return '1';
  }
  if (json.extensions?.VRM) return '0';
  throw new AvatarLoadError('not-vrm', 'the file is glTF but has no VRM or VRMC_vrm extension');
}

function readJson(bytes: Uint8Array): GLTFJson {
  const text = isGlb(bytes) ? glbJsonText(bytes) : new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AvatarLoadError('corrupt', 'the glTF JSON cannot be parsed', { cause: error });
  }
  if (typeof json !== 'object' || json === null)
    throw new AvatarLoadError('corrupt', 'the glTF JSON is not an object');
  return json as GLTFJson;
}

function isGlb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 12 && view(bytes).getUint32(0, true) === GLB_MAGIC;
}

function glbJsonText(bytes: Uint8Array): string {
  const data = view(bytes);
  if (bytes.byteLength < 20) throw new AvatarLoadError('corrupt', 'the GLB file is truncated');
  const declared = data.getUint32(8, true);
  const chunkLength = data.getUint32(12, true);
  const chunkType = data.getUint32(16, true);
  if (declared > bytes.byteLength || chunkType !== JSON_CHUNK || 20 + chunkLength > bytes.byteLength) {
    throw new AvatarLoadError('corrupt', 'the GLB header or JSON chunk is damaged');
  }
  return new TextDecoder().decode(bytes.subarray(20, 20 + chunkLength));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
