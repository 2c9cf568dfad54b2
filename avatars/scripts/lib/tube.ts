import { Vector3 } from 'three';
import type { Influence, MeshPart, PointLike } from './MeshPart';

/** One cross-section of a tube: a superellipse around `center` in the plane across `axis`. */
export interface Ring {
  readonly center: readonly [number, number, number];
  /** Half extents along the two cross directions (see {@link crossAxes}). */
  readonly a: number;
  readonly b: number;
  /** Superellipse exponent: 2 is an ellipse, larger is boxier. */
  readonly power?: number;
}

/** How {@link tube} sweeps, skins, maps and caps its rings. */
export interface TubeOptions {
  readonly axis: 'x' | 'y' | 'z';
  readonly segments: number;
  readonly skin: (p: PointLike) => Influence[];
  readonly uv?: (around: number, along: number, p: PointLike) => readonly [number, number];
  readonly capStart?: boolean;
  readonly capEnd?: boolean;
  /** Start angle and arc length (fractions of a turn) for open tubes such as collars. */
  readonly arc?: readonly [number, number];
  readonly tag?: number;
}

/** The two directions a ring spans for a tube along `axis` (angle 0 points along the second one). */
export function crossAxes(axis: 'x' | 'y' | 'z'): [Vector3, Vector3] {
  if (axis === 'y') return [new Vector3(1, 0, 0), new Vector3(0, 0, 1)];
  if (axis === 'x') return [new Vector3(0, 0, 1), new Vector3(0, 1, 0)];
  return [new Vector3(1, 0, 0), new Vector3(0, 1, 0)];
}

const signedPow = (v: number, e: number) => Math.sign(v) * Math.abs(v) ** e;

/**
 * Sweeps rings into a skinned tube, optionally capped, and orients its triangles outwards (checked against the
 * ring centres) so mirrored parts need no special casing.
 */
export function tube(part: MeshPart, rings: readonly Ring[], opts: TubeOptions): void {
  const [e1, e2] = crossAxes(opts.axis);
  const [arcStart, arcLength] = opts.arc ?? [0, 1];
  const closed = arcLength === 1;
  const n = opts.segments;
  const p = new Vector3();
  const ids: number[][] = [];
  const firstTri = part.indices.length;
  rings.forEach((ring, j) => {
    const row: number[] = [];
    const e = 2 / (ring.power ?? 2);
    for (let i = 0; i <= n; i++) {
      const angle = 2 * Math.PI * (arcStart + (arcLength * i) / n);
      p.set(...ring.center)
        .addScaledVector(e1, ring.a * signedPow(Math.sin(angle), e))
        .addScaledVector(e2, ring.b * signedPow(Math.cos(angle), e));
      const [u, v] = opts.uv?.(i / n, j / (rings.length - 1), p) ?? [i / n, j / (rings.length - 1)];
      // A closed ring repeats its first vertex's position (u = 1) so the texture does not wrap across one quad.
      if (closed && i === n) part.at(row[0]!, p);
      row.push(part.vertex(p.x, p.y, p.z, u, v, opts.skin(p), opts.tag ?? 0));
    }
    ids.push(row);
  });
  for (let j = 0; j + 1 < ids.length; j++) {
    for (let i = 0; i < n; i++) {
      part.quad(ids[j]![i]!, ids[j]![i + 1]!, ids[j + 1]![i + 1]!, ids[j + 1]![i]!);
    }
  }
  const cap = (ring: Ring, row: number[]) => {
    p.set(...ring.center);
    const [u, v] = opts.uv?.(0.5, ring === rings[0] ? 0 : 1, p) ?? [0.5, 0.5];
    const c = part.vertex(p.x, p.y, p.z, u, v, opts.skin(p), opts.tag ?? 0);
    const reverse = ring === rings[0];
    for (let i = 0; i < n; i++) {
      if (reverse) part.tri(c, row[i + 1]!, row[i]!);
      else part.tri(c, row[i]!, row[i + 1]!);
    }
  };
  if (opts.capStart) cap(rings[0]!, ids[0]!);
  if (opts.capEnd) cap(rings[rings.length - 1]!, ids[ids.length - 1]!);
  orientOutwards(part, firstTri, rings);
}

function orientOutwards(part: MeshPart, firstTri: number, rings: readonly Ring[]): void {
  const a = new Vector3();
  const b = new Vector3();
  const c = new Vector3();
  let score = 0;
  const mid = rings[Math.floor(rings.length / 2)]!;
  const centre = new Vector3(...mid.center);
  for (let t = firstTri; t < part.indices.length; t += 3) {
    part.at(part.indices[t]!, a);
    part.at(part.indices[t + 1]!, b).sub(a);
    part.at(part.indices[t + 2]!, c).sub(a);
    const normal = b.cross(c);
    score += normal.dot(a.sub(centre));
  }
  if (score >= 0) return;
  for (let t = firstTri; t < part.indices.length; t += 3) {
    const tmp = part.indices[t + 1]!;
    part.indices[t + 1] = part.indices[t + 2]!;
    part.indices[t + 2] = tmp;
  }
}
