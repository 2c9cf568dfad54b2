import { type VRM, VRMLoaderPlugin, VRMUtils } from '@pixiv/three-vrm';
import { GLTFLoader, type GLTFLoaderPlugin, type GLTFParser } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { AvatarLoadError } from './AvatarLoadError';
import { inspectGLTF, type VRMVersion } from './inspectGLTF';
import { type AvatarSource, type LoadProgress, readSource } from './readSource';

/** Default size limit of {@link loadVRM}: 30 MB. */
export const DEFAULT_MAX_AVATAR_BYTES = 30 * 1024 * 1024;

/** Options for {@link loadVRM}. */
export interface LoadVRMOptions {
  /** Largest accepted file, in bytes. Default {@link DEFAULT_MAX_AVATAR_BYTES}. */
  maxBytes?: number;
  /** Cancels the download and parse; the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
  /** Called for each chunk downloaded from a URL. */
  onProgress?: (progress: LoadProgress) => void;
  /** Replaces the VRM loader plugin, e.g. to pass custom three-vrm sub-plugins. */
  vrmPlugin?: (parser: GLTFParser) => GLTFLoaderPlugin;
  /** Runs removeUnnecessaryVertices and combineSkeletons. Default true. */
  optimize?: boolean;
  /** `fetch` used for URLs. Defaults to the global one. */
  fetch?: typeof fetch;
}

/** Milliseconds spent in each loading step. */
export interface AvatarLoadTimings {
  fetchMs: number;
  parseMs: number;
  totalMs: number;
}

/** A parsed, normalised VRM ready to be added to a scene. */
export interface LoadedAvatar {
  /** The three-vrm model. VRM 0.x models are already turned to face +Z like VRM 1.0. */
  readonly vrm: VRM;
  /** The file's VRM major version. */
  readonly version: VRMVersion;
  /** Size of the file in bytes. */
  readonly bytes: number;
  readonly timings: AvatarLoadTimings;
}

/**
 * Loads a VRM 0.x or 1.0 avatar from a URL, bytes or a Blob: streams with progress, enforces the size limit,
 * parses with three's GLTFLoader and three-vrm's loader plugin, normalises VRM 0.x orientation, and optimises meshes.
 * Rejects with an {@link AvatarLoadError}.
 */
export async function loadVRM(source: AvatarSource, options: LoadVRMOptions = {}): Promise<LoadedAvatar> {
  const start = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_AVATAR_BYTES;
  const bytes = await readSource(source, {
    maxBytes,
    signal: options.signal,
    onProgress: options.onProgress,
    fetch: options.fetch,
  });
  const fetched = performance.now();
  const version = inspectGLTF(bytes);
  const vrm = await parseVRM(bytes, options);
  if (options.signal?.aborted) {
    VRMUtils.deepDispose(vrm.scene);
    throw AvatarLoadError.loadAborted(options.signal.reason);
  }
  normalise(vrm, options.optimize ?? true);
  const end = performance.now();
  return {
    vrm,
    version,
    bytes: bytes.byteLength,
    timings: { fetchMs: fetched - start, parseMs: end - fetched, totalMs: end - start },
  };
}

async function parseVRM(bytes: Uint8Array, options: LoadVRMOptions): Promise<VRM> {
  const loader = new GLTFLoader();
  const createPlugin = options.vrmPlugin ?? ((parser: GLTFParser) => new VRMLoaderPlugin(parser));
  loader.register(createPlugin);
  let vrm: VRM | undefined;
  try {
    const gltf = await loader.parseAsync(toArrayBuffer(bytes), '');
    vrm = gltf.userData.vrm as VRM | undefined;
    if (!vrm) {
      VRMUtils.deepDispose(gltf.scene);
      throw new AvatarLoadError('not-vrm', 'the glTF has a VRM extension but no usable humanoid or meta');
    }
  } catch (error) {
    if (error instanceof AvatarLoadError) throw error;
    throw new AvatarLoadError('corrupt', 'the VRM could not be parsed', { cause: error });
  }
  return vrm;
}

function normalise(vrm: VRM, optimize: boolean): void {
  VRMUtils.rotateVRM0(vrm);
  if (optimize) {
    VRMUtils.removeUnnecessaryVertices(vrm.scene);
    VRMUtils.combineSkeletons(vrm.scene);
  }
  // Skinned meshes keep their bind-pose bounds; culling them by those bounds hides animated parts.
  vrm.scene.traverse((object) => {
    object.frustumCulled = false;
  });
  if (vrm.lookAt) vrm.lookAt.autoUpdate = false;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return bytes.buffer;
  }
  return bytes.slice().buffer;
}
