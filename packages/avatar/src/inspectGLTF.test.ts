import { describe, expect, it } from 'vitest';
import { AvatarLoadError } from './AvatarLoadError';
import { inspectGLTF } from './inspectGLTF';

function glb(json: object): Uint8Array {
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(20 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, body.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(body, 20);
  return out;
}

function codeOf(bytes: Uint8Array): string {
  try {
    inspectGLTF(bytes);
  } catch (error) {
    if (error instanceof AvatarLoadError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('inspectGLTF', () => {
  it('tells VRM 0.x from VRM 1.0', () => {
    expect(inspectGLTF(glb({ asset: { version: '2.0' }, extensions: { VRM: {} } }))).toBe('0');
    expect(
      inspectGLTF(glb({ asset: { version: '2.0' }, extensions: { VRMC_vrm: { specVersion: '1.0' } } })),
    ).toBe('1');
  });

  it('reads .gltf JSON too', () => {
    const json = new TextEncoder().encode(
      JSON.stringify({ asset: { version: '2.0' }, extensions: { VRM: {} } }),
    );
    expect(inspectGLTF(json)).toBe('0');
  });

  it('classifies failures', () => {
    expect(codeOf(glb({ asset: { version: '2.0' } }))).toBe('not-vrm');
    expect(codeOf(glb({ asset: { version: '2.0' }, extensions: { VRMC_vrm: { specVersion: '2.0' } } }))).toBe(
      'unsupported-version',
    );
    expect(codeOf(glb({ hello: 1 }))).toBe('corrupt');
    expect(codeOf(new Uint8Array([1, 2, 3, 4, 5]))).toBe('corrupt');
    const truncated = glb({ asset: { version: '2.0' }, extensions: { VRM: {} } }).subarray(0, 30);
    expect(codeOf(truncated)).toBe('corrupt');
  });
});
