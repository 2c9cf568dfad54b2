import { Vector3 } from 'three';

/** A (joint index, weight) pair; joint indices point into the avatar's one skin. */
export type Influence = readonly [joint: number, weight: number];

/** Anything with a position. */
export interface PointLike {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Morph function: writes the displaced position of vertex `index` (at rest position `p`) into `out`. */
export type MorphFn = (p: Readonly<Vector3>, index: number, out: Vector3) => void;

const _p = new Vector3();
const _out = new Vector3();
const _a = new Vector3();
const _b = new Vector3();
const _c = new Vector3();

/**
 * Triangle geometry for one glTF primitive: positions, UVs, four skin influences per vertex, integer tags the
 * morph functions read, and named morph targets stored as dense deltas (the writer makes them sparse).
 */
export class MeshPart {
  readonly positions: number[] = [];
  readonly uvs: number[] = [];
  readonly indices: number[] = [];
  readonly joints: number[] = [];
  readonly weights: number[] = [];
  readonly tags: number[] = [];
  readonly morphs = new Map<string, Float32Array>();
  normals: Float32Array = new Float32Array(0);

  constructor(
    readonly name: string,
    readonly material: string,
  ) {}

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  /** Adds a vertex; influences are normalised and padded to four. Returns its index. */
  vertex(x: number, y: number, z: number, u: number, v: number, skin: readonly Influence[], tag = 0): number {
    this.positions.push(x, y, z);
    this.uvs.push(u, v);
    this.tags.push(tag);
    const top = [...skin].sort((l, r) => r[1] - l[1]).slice(0, 4);
    const sum = top.reduce((s, [, w]) => s + w, 0) || 1;
    for (let i = 0; i < 4; i++) {
      const inf = top[i];
      this.joints.push(inf ? inf[0] : 0);
      this.weights.push(inf ? inf[1] / sum : 0);
    }
    return this.vertexCount - 1;
  }

  /** Adds a triangle, counter-clockwise seen from the front. */
  tri(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Adds a quad a-b-c-d, counter-clockwise seen from the front. */
  quad(a: number, b: number, c: number, d: number): void {
    this.indices.push(a, b, c, a, c, d);
  }

  /** Rest position of a vertex. */
  at(index: number, out: Vector3): Vector3 {
    return out.fromArray(this.positions, index * 3);
  }

  /** Smooth area-weighted normals; with `weld`, vertices at the same place share one normal. */
  computeNormals(weld = true): void {
    const n = new Float32Array(this.positions.length);
    const key = (i: number) =>
      weld ? `${this.positions.slice(i * 3, i * 3 + 3).map((x) => Math.round(x * 1e5))}` : `${i}`;
    const groups = new Map<string, number[]>();
    for (let i = 0; i < this.vertexCount; i++) {
      const k = key(i);
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    }
    for (let t = 0; t < this.indices.length; t += 3) {
      const [i, j, k] = [this.indices[t]!, this.indices[t + 1]!, this.indices[t + 2]!];
      this.at(i, _a);
      this.at(j, _b).sub(_a);
      this.at(k, _c).sub(_a);
      _b.cross(_c);
      for (const v of [i, j, k]) {
        n[v * 3] = n[v * 3]! + _b.x;
        n[v * 3 + 1] = n[v * 3 + 1]! + _b.y;
        n[v * 3 + 2] = n[v * 3 + 2]! + _b.z;
      }
    }
    for (const g of groups.values()) {
      _a.set(0, 0, 0);
      for (const v of g) _a.add(_b.fromArray(n, v * 3));
      if (_a.lengthSq() === 0) _a.set(0, 0, 1);
      _a.normalize();
      for (const v of g) _a.toArray(n, v * 3);
    }
    this.normals = n;
  }

  /** Evaluates a morph function on every vertex and stores (or adds to) its deltas under `name`. */
  morph(name: string, fn: MorphFn): void {
    const deltas = this.morphs.get(name) ?? new Float32Array(this.positions.length);
    for (let i = 0; i < this.vertexCount; i++) {
      this.at(i, _p);
      _out.copy(_p);
      fn(_p, i, _out);
      deltas[i * 3] = deltas[i * 3]! + _out.x - _p.x;
      deltas[i * 3 + 1] = deltas[i * 3 + 1]! + _out.y - _p.y;
      deltas[i * 3 + 2] = deltas[i * 3 + 2]! + _out.z - _p.z;
    }
    this.morphs.set(name, deltas);
  }

  /** Appends another part's geometry (same material), remapping indices. Morphs must be added afterwards. */
  append(other: MeshPart): void {
    const base = this.vertexCount;
    this.positions.push(...other.positions);
    this.uvs.push(...other.uvs);
    this.joints.push(...other.joints);
    this.weights.push(...other.weights);
    this.tags.push(...other.tags);
    for (const i of other.indices) this.indices.push(i + base);
  }
}
