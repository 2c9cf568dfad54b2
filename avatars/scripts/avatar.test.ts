import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, halve } from './lib/decodePng';
import { encodePng } from './lib/encodePng';
import { readGlb, viewBytes } from './lib/readGlb';
import { REQUIRED_BONES, REQUIRED_EXPRESSIONS } from './lib/requirements';
import { assembleAvatar } from './model/assemble';

const vrmPath = resolve(import.meta.dirname, '../default/assistant.vrm');
const thumbPath = resolve(import.meta.dirname, '../default/thumbnail.png');
const file = readFileSync(vrmPath);
const glb = readGlb(file);
const vrm = glb.json.extensions?.VRMC_vrm;

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const SHORT = 5122;

/** The skin's inverse bind matrices (column-major, 16 floats each). */
function inverseBindMatrices(): Float32Array[] {
  const accessor = glb.json.accessors[glb.json.skins[0]!.inverseBindMatrices!]!;
  const bytes = viewBytes(glb, accessor.bufferView!);
  return Array.from({ length: accessor.count }, (_, i) =>
    Float32Array.from({ length: 16 }, (_, k) => bytes.readFloatLE(i * 64 + k * 4)),
  );
}

/** World position of a bone node at rest (bones are translations only). */
function restPosition(node: number): number[] {
  const at = [0, 0, 0];
  for (let n: number | undefined = node; n !== undefined; ) {
    const t = glb.json.nodes[n]!.translation ?? [0, 0, 0];
    for (let c = 0; c < 3; c++) at[c] = at[c]! + t[c]!;
    const child: number = n;
    const parent = glb.json.nodes.findIndex((p) => p.children?.includes(child));
    n = parent >= 0 ? parent : undefined;
  }
  return at;
}

/** Metres per unit of a normalised component: the uniform scale the inverse bind matrices apply first. */
function metresPerUnit(): number {
  const m = inverseBindMatrices()[0]!;
  return Math.hypot(m[0]!, m[1]!, m[2]!);
}

/** Largest displacement (metres) a morph target accessor stores (normalised SHORT on the position grid). */
function maxDelta(accessorIndex: number): number {
  const accessor = glb.json.accessors[accessorIndex];
  const sparse = accessor?.sparse;
  if (!sparse) return 0;
  expect(accessor.componentType).toBe(SHORT);
  expect(accessor.normalized).toBe(true);
  const values = viewBytes(glb, sparse.values.bufferView);
  const unit = metresPerUnit() / 32767;
  let max = 0;
  for (let i = 0; i < sparse.count; i++) {
    const [x, y, z] = [0, 2, 4].map((o) => values.readInt16LE(i * 6 + o) * unit) as [number, number, number];
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
    expect(file.length).toBeLessThan(1024 * 1024);
    expect(glb.json.asset.version).toBe('2.0');
    expect(glb.json.extensionsUsed).toEqual(expect.arrayContaining(['VRMC_vrm', 'VRMC_materials_mtoon']));
    expect(vrm?.specVersion).toBe('1.0');
    for (const m of glb.json.materials) expect(m.extensions).toHaveProperty('VRMC_materials_mtoon');
  });

  it('stores vertex data quantised with KHR_mesh_quantization, dequantised by the skin', () => {
    expect(glb.json.extensionsUsed).toContain('KHR_mesh_quantization');
    expect(glb.json.extensionsRequired).toContain('KHR_mesh_quantization');
    const kinds = new Set<string>();
    for (const mesh of glb.json.meshes) {
      for (const p of mesh.primitives) {
        const a = (name: string) => glb.json.accessors[p.attributes[name]!]!;
        kinds.add(`${a('POSITION').componentType}/${a('NORMAL').componentType}`);
        kinds.add(`${a('JOINTS_0').componentType}/${a('WEIGHTS_0').componentType}`);
        for (const name of ['POSITION', 'NORMAL', 'WEIGHTS_0']) expect(a(name).normalized).toBe(true);
        // Texture coordinates exactly where the material samples a texture.
        const textured =
          glb.json.materials[p.material!]!.pbrMetallicRoughness?.baseColorTexture !== undefined;
        expect(p.attributes.TEXCOORD_0 !== undefined, `${mesh.name} ${p.material}`).toBe(textured);
        if (textured) expect(a('TEXCOORD_0')).toMatchObject({ componentType: 5123, normalized: true });
      }
    }
    // SHORT positions, BYTE normals; UNSIGNED_BYTE joints and weights.
    expect([...kinds].sort()).toEqual(['5121/5121', '5122/5120']);
    // Dequantised through the head bone's inverse bind matrix, the face sits at head height, about 16 cm wide.
    const face = glb.json.meshes[glb.json.nodes.find((n) => n.name === 'Face')!.mesh!]!.primitives[0]!;
    const position = glb.json.accessors[face.attributes.POSITION!]!;
    const headNode = vrm!.humanoid.humanBones.head!.node;
    const ibm = inverseBindMatrices()[glb.json.skins[0]!.joints.indexOf(headNode)]!;
    const headAt = restPosition(headNode);
    // Bones carry no rotation, so the head bone's world matrix is a translation: world = headAt + IBM * q.
    const toMetres = (q: number[]) =>
      [0, 1, 2].map(
        (r) =>
          headAt[r]! + [0, 1, 2].reduce((sum, c) => sum + ibm[c * 4 + r]! * (q[c]! / 32767), ibm[12 + r]!),
      );
    const [lo, hi] = [toMetres(position.min!), toMetres(position.max!)];
    expect(hi[0]! - lo[0]!).toBeGreaterThan(0.12);
    expect(hi[0]! - lo[0]!).toBeLessThan(0.2);
    expect(lo[1]!).toBeGreaterThan(1.3);
    expect(hi[1]!).toBeLessThan(1.8);
  });

  it('carries the licence meta and a 256x256 thumbnail halved from the 512x512 portrait', () => {
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
    const embedded = viewBytes(glb, image!.bufferView!);
    expect(pngSize(embedded)).toEqual([256, 256]);
    expect(pngSize(readFileSync(thumbPath))).toEqual([512, 512]);
    expect(decodePng(embedded).rgba).toEqual(halve(decodePng(readFileSync(thumbPath))).rgba);
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
    for (const name of REQUIRED_EXPRESSIONS) {
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

describe('encodePng and decodePng', () => {
  const w = 7;
  const h = 5;

  it('round-trips translucent pixels as RGBA', () => {
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 37 + (i >> 3) * 11) & 255);
    const png = encodePng(w, h, rgba);
    expect(pngSize(png)).toEqual([w, h]);
    expect(png[25]).toBe(6);
    expect(decodePng(png)).toEqual({ width: w, height: h, rgba });
  });

  it('writes opaque pixels as RGB, choosing a filter per row', () => {
    // Rows that suit different filters: flat, a horizontal ramp, a copy of the row above.
    const rgba = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = y === 0 ? 90 : y === 1 || y === 2 ? x * 30 : (x * 53 + y * 17) & 255;
        rgba.set([v, (v * 3) & 255, 255 - v, 255], (y * w + x) * 4);
      }
    }
    const png = encodePng(w, h, rgba);
    expect(png[25]).toBe(2);
    const raw = pngScanlines(png);
    expect(raw.length).toBe(h * (w * 3 + 1));
    const filters = Array.from({ length: h }, (_, y) => raw[y * (w * 3 + 1)]!);
    expect(filters[2]).toBe(2); // a copy of the row above: "up" leaves only zeros
    expect(new Set(filters).size).toBeGreaterThan(1);
    expect(decodePng(png).rgba).toEqual(rgba);
  });

  it('halves with a 2x2 box filter', () => {
    const rgba = Uint8Array.from([0, 0, 0, 255, 100, 100, 100, 255, 200, 200, 200, 255, 101, 101, 101, 255]);
    const half = halve({ width: 2, height: 2, rgba });
    expect(half.width).toBe(1);
    expect([...half.rgba]).toEqual([100, 100, 100, 255]);
  });
});
