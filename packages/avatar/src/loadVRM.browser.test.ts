import { Mesh, MeshBasicMaterial, Scene, SphereGeometry } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { describe, expect, inject, it } from 'vitest';
import { AvatarLoadError } from './AvatarLoadError';
import { loadVRM } from './loadVRM';

const fixturesUrl = inject('fixturesUrl');

async function codeOf(promise: Promise<unknown>): Promise<AvatarLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AvatarLoadError);
    const typed = error as AvatarLoadError;
    expect(typed.message.startsWith('Avatar: ')).toBe(true);
    return typed;
  }
  throw new Error('expected a rejection');
}

async function plainGlb(): Promise<ArrayBuffer> {
  const scene = new Scene();
  scene.add(new Mesh(new SphereGeometry(1, 8, 8), new MeshBasicMaterial()));
  const result = await new GLTFExporter().parseAsync(scene, { binary: true });
  if (!(result instanceof ArrayBuffer)) throw new Error('expected binary glTF');
  return result;
}

async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(`${fixturesUrl}${name}`)).arrayBuffer());
}

describe('loadVRM errors', () => {
  it('rejects random bytes as corrupt', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await codeOf(loadVRM(bytes))).code).toBe('corrupt');
  });

  it('rejects a GLB with a damaged JSON chunk as corrupt, keeping the cause', async () => {
    const glb = new Uint8Array(await plainGlb());
    glb[20] = 0x7b; // '{'
    glb[21] = 0x7b;
    const error = await codeOf(loadVRM(glb));
    expect(error.code).toBe('corrupt');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('rejects a plain glTF without VRM as not-vrm', async () => {
    expect((await codeOf(loadVRM(await plainGlb()))).code).toBe('not-vrm');
  });

  it('rejects bytes over maxBytes as too-large', async () => {
    const error = await codeOf(loadVRM(new Uint8Array(2048), { maxBytes: 1024 }));
    expect(error.code).toBe('too-large');
  });

  it('rejects an already aborted load as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await codeOf(loadVRM(await plainGlb(), { signal: controller.signal }))).code).toBe('aborted');
  });
});

describe.skipIf(!fixturesUrl)('loadVRM over the network (fixtures)', () => {
  it('reports a 404 as network with the status', async () => {
    const error = await codeOf(loadVRM(`${fixturesUrl}no-such-avatar.vrm`));
    expect(error.code).toBe('network');
    expect(error.status).toBe(404);
  });

  it('rejects a URL larger than maxBytes as too-large', async () => {
    expect((await codeOf(loadVRM(`${fixturesUrl}godette_vrm0.vrm`, { maxBytes: 100_000 }))).code).toBe(
      'too-large',
    );
  });

  it('streams with progress and reports version, size and timings', async () => {
    const progress: Array<{ loaded: number; total: number }> = [];
    const avatar = await loadVRM(`${fixturesUrl}godette_vrm0.vrm`, { onProgress: (p) => progress.push(p) });
    expect(avatar.version).toBe('0');
    expect(avatar.bytes).toBe(591_288);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.loaded).toBe(591_288);
    expect(avatar.timings.totalMs).toBeGreaterThanOrEqual(avatar.timings.parseMs);
    // VRM 0.x presets arrive under VRM 1.0 names.
    const names = avatar.vrm.expressionManager?.expressions.map((e) => e.expressionName) ?? [];
    for (const name of ['aa', 'ih', 'ou', 'ee', 'oh', 'happy', 'sad', 'relaxed', 'angry', 'blink']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('joy');
    expect(names).not.toContain('a');
    // rotateVRM0: the model now faces +Z like VRM 1.0.
    expect(avatar.vrm.scene.rotation.y).toBeCloseTo(Math.PI);
  });

  it('rejects an unknown VRMC_vrm specVersion as unsupported-version', async () => {
    const bytes = await fixtureBytes('vrmc_isbinary_overrides_vrm1.vrm');
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"specVersion":"1.0"');
    expect(at).toBeGreaterThan(0);
    bytes.set(new TextEncoder().encode('"specVersion":"7.0"'), at);
    expect((await codeOf(loadVRM(bytes))).code).toBe('unsupported-version');
  });

  it('uses a replacement loader plugin', async () => {
    const { VRMLoaderPlugin } = await import('@pixiv/three-vrm');
    let created = 0;
    const avatar = await loadVRM(await fixtureBytes('vrmc_isbinary_overrides_vrm1.vrm'), {
      vrmPlugin: (parser) => {
        created++;
        return new VRMLoaderPlugin(parser);
      },
    });
    expect(created).toBe(1);
    expect(avatar.version).toBe('1');
  });
});
