import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './lib/encodePng';
import { readGlb, viewBytes } from './lib/readGlb';
import { assembleAvatar } from './model/assemble';

const vrmPath = resolve(import.meta.dirname, '../default/assistant.vrm');
const thumbPath = resolve(import.meta.dirname, '../default/thumbnail.png');
const file = readFileSync(vrmPath);
const glb = readGlb(file);
const vrm = glb.json.extensions?.VRMC_vrm;

const REQUIRED_BONES = [
  'hips',
  'spine',
  'chest',
  'upperChest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
  'leftShoulder',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightShoulder',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
];
const PRESETS = [
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'happy',
  'angry',
  'sad',
  'relaxed',
  'surprised',
  'blink',
  'blinkLeft',
  'blinkRight',
];

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Largest displacement (metres) a morph target accessor stores. */
function maxDelta(accessorIndex: number): number {
  const sparse = glb.json.accessors[accessorIndex]?.sparse;
  if (!sparse) return 0;
  const values = viewBytes(glb, sparse.values.bufferView);
  let max = 0;
  for (let i = 0; i < sparse.count; i++) {
    const [x, y, z] = [0, 4, 8].map((o) => values.readFloatLE(i * 12 + o)) as [number, number, number];
    max = Math.max(max, Math.hypot(x, y, z));
  }
  return max;
}

/** The concatenated IDAT payloads of a PNG, inflated. */
function pngScanlines(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
}

/** A GLB reduced to what must not change: its JSON minus byte layout, each buffer view's content. */
function canonical(bytes: Buffer): { json: unknown; views: Buffer[] } {
  const parsed = readGlb(bytes);
  const imageViews = new Set(parsed.json.images.map((i) => i.bufferView));
  const views = parsed.json.bufferViews.map((_, i) =>
    imageViews.has(i) ? pngScanlines(viewBytes(parsed, i)) : viewBytes(parsed, i),
  );
  const { bufferViews: _v, buffers: _b, ...json } = parsed.json as unknown as Record<string, unknown>;
  return { json, views };
}

describe('default avatar file', () => {
  it('is a VRM 1.0 GLB well under 2 MB using MToon', () => {
    expect(file.length).toBeLessThan(1.6 * 1024 * 1024);
    expect(glb.json.asset.version).toBe('2.0');
    expect(glb.json.extensionsUsed).toEqual(expect.arrayContaining(['VRMC_vrm', 'VRMC_materials_mtoon']));
    expect(vrm?.specVersion).toBe('1.0');
    for (const m of glb.json.materials) expect(m.extensions).toHaveProperty('VRMC_materials_mtoon');
  });

  it('carries the licence meta and a 512x512 thumbnail', () => {
    expect(vrm?.meta).toMatchObject({
      authors: ['Digital Human SDK contributors'],
      licenseUrl: 'https://vrm.dev/licenses/1.0/',
      avatarPermission: 'everyone',
      commercialUsage: 'corporation',
      allowRedistribution: true,
      modification: 'allowModificationRedistribution',
    });
    expect(typeof vrm?.meta.name).toBe('string');
    expect(typeof vrm?.meta.version).toBe('string');
    const image = glb.json.images[vrm?.meta.thumbnailImage as number];
    expect(image?.mimeType).toBe('image/png');
    expect(pngSize(viewBytes(glb, image!.bufferView!))).toEqual([512, 512]);
    expect(pngSize(readFileSync(thumbPath))).toEqual([512, 512]);
  });

  it('has every required humanoid bone, in a rest pose without rotation or scale', () => {
    const bones = vrm!.humanoid.humanBones;
    for (const name of REQUIRED_BONES) expect(bones[name], name).toBeDefined();
    for (const { node } of Object.values(bones)) {
      const n = glb.json.nodes[node]!;
      expect(n.rotation).toBeUndefined();
      expect(n.scale).toBeUndefined();
    }
    const head = glb.json.nodes[bones.head!.node]!;
    expect(head.children).toEqual(expect.arrayContaining([bones.leftEye!.node, bones.rightEye!.node]));
  });

  it('binds every preset and lip-sync expression to morph targets that really move', () => {
    const all = { ...vrm!.expressions!.preset, ...vrm!.expressions!.custom };
    for (const name of [...PRESETS, 'viseme_PP', 'viseme_FF']) {
      const binds = all[name]?.morphTargetBinds ?? [];
      expect(binds.length, name).toBeGreaterThan(0);
      for (const bind of binds) {
        const mesh = glb.json.meshes[glb.json.nodes[bind.node]!.mesh!]!;
        const moved = Math.max(...mesh.primitives.map((p) => maxDelta(p.targets![bind.index]!.POSITION!)));
        expect(moved, `${name} moves the face by ${moved} m`).toBeGreaterThan(0.001);
      }
    }
    expect(all.happy?.overrideBlink).toBe('blend');
    expect(all.surprised?.overrideBlink).toBe('block');
  });

  it('looks with its eye bones, and the eyeballs are skinned to them', () => {
    expect(vrm?.lookAt?.type).toBe('bone');
    expect(vrm?.lookAt?.rangeMapHorizontalOuter?.outputScale).toBeGreaterThan(5);
    const eyes = glb.json.nodes.find((n) => n.name === 'Eyes')!;
    const joints = glb.json.skins[eyes.skin!]!.joints;
    const eyeBones = new Set([
      vrm!.humanoid.humanBones.leftEye!.node,
      vrm!.humanoid.humanBones.rightEye!.node,
    ]);
    const primitive = glb.json.meshes[eyes.mesh!]!.primitives[0]!;
    const jointBytes = viewBytes(glb, glb.json.accessors[primitive.attributes.JOINTS_0!]!.bufferView!);
    for (let v = 0; v < jointBytes.length; v += 4) expect(eyeBones.has(joints[jointBytes[v]!]!)).toBe(true);
  });

  it('is what the build script produces (deterministic and up to date)', () => {
    const rebuilt = assembleAvatar(readFileSync(thumbPath));
    // Images are compared by their filtered scanlines, so another zlib build cannot fail the test.
    const [now, committed] = [canonical(rebuilt), canonical(file)];
    expect(now.json).toEqual(committed.json);
    expect(now.views.length).toBe(committed.views.length);
    const differing = now.views.flatMap((view, i) => (view.equals(committed.views[i]!) ? [] : [i]));
    expect(differing, 'buffer views that differ').toEqual([]);
  }, 120_000);
});

describe('encodePng', () => {
  it('round-trips pixels through zlib and the Paeth filter', () => {
    const w = 7;
    const h = 5;
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 37 + (i >> 3) * 11) & 255);
    const png = encodePng(w, h, rgba);
    expect(pngSize(png)).toEqual([w, h]);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const out = new Uint8Array(w * h * 4);
    const stride = w * 4;
    for (let y = 0; y < h; y++) {
      expect(raw[y * (stride + 1)]).toBe(4);
      for (let x = 0; x < stride; x++) {
        const a = x >= 4 ? out[y * stride + x - 4]! : 0;
        const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
        const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
        const p = a + b - c;
        const pred =
          Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
            ? a
            : Math.abs(p - b) <= Math.abs(p - c)
              ? b
              : c;
        out[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + pred) & 255;
      }
    }
    expect(out).toEqual(rgba);
  });
});
