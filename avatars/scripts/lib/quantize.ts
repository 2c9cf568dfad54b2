/**
 * KHR_mesh_quantization helpers: vertex data as normalised integers instead of floats.
 *
 * Positions use one grid for the whole avatar (an offset and a uniform scale) so every mesh keeps sharing the one
 * skin: the dequantisation is folded into the inverse bind matrices (the node transform of a skinned mesh is
 * ignored by glTF, and VRMUtils.combineSkeletons rebinds with an identity bind matrix). Uniform scale keeps
 * normals right under skinning, since shaders renormalise them.
 */

/** Largest value of a normalised signed 16-bit component. */
export const SHORT_MAX = 32767;
/** Largest value of a normalised signed 8-bit component. */
export const BYTE_MAX = 127;
/** Largest value of a normalised unsigned 16-bit component. */
export const USHORT_MAX = 65535;

/** Dequantisation of positions: metres = offset + scale * (q / 32767). */
export interface PositionGrid {
  readonly offset: readonly [number, number, number];
  readonly scale: number;
}

/** The smallest uniform grid around every point of `positions` (flat xyz lists), with a small margin. */
export function positionGrid(positions: readonly ArrayLike<number>[]): PositionGrid {
  const min = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const max = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const list of positions) {
    for (let i = 0; i < list.length; i++) {
      const c = i % 3;
      min[c] = Math.min(min[c]!, list[i]!);
      max[c] = Math.max(max[c]!, list[i]!);
    }
  }
  // Round to millimetres so the grid (written into the inverse bind matrices) reads cleanly.
  const offset = [0, 1, 2].map((c) => Math.round(((min[c]! + max[c]!) / 2) * 1000) / 1000) as [
    number,
    number,
    number,
  ];
  const half = Math.max(...[0, 1, 2].map((c) => Math.max(max[c]! - offset[c]!, offset[c]! - min[c]!)));
  return { offset, scale: Math.ceil(half * 1.01 * 1000) / 1000 };
}

function clampRound(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, Math.round(value)));
}

/** Positions on `grid` as normalised SHORT, padded to four components per vertex (4-byte aligned stride). */
export function quantizePositions(positions: ArrayLike<number>, grid: PositionGrid): Int16Array {
  const count = positions.length / 3;
  const out = new Int16Array(count * 4);
  for (let v = 0; v < count; v++) {
    for (let c = 0; c < 3; c++) {
      out[v * 4 + c] = clampRound(
        ((positions[v * 3 + c]! - grid.offset[c]!) / grid.scale) * SHORT_MAX,
        SHORT_MAX,
      );
    }
  }
  return out;
}

/** Morph displacements on `grid` (scale only) as normalised SHORT, three components per value. */
export function quantizeDeltas(deltas: ArrayLike<number>, grid: PositionGrid): Int16Array {
  const out = new Int16Array(deltas.length);
  for (let i = 0; i < deltas.length; i++)
    out[i] = clampRound((deltas[i]! / grid.scale) * SHORT_MAX, SHORT_MAX);
  return out;
}

/** Unit normals as normalised BYTE, padded to four bytes per vertex. */
export function quantizeNormals(normals: ArrayLike<number>): Int8Array {
  const count = normals.length / 3;
  const out = new Int8Array(count * 4);
  for (let v = 0; v < count; v++) {
    for (let c = 0; c < 3; c++) out[v * 4 + c] = clampRound(normals[v * 3 + c]! * BYTE_MAX, BYTE_MAX);
  }
  return out;
}

/** Texture coordinates in 0..1 as normalised UNSIGNED_SHORT; throws if any lies outside. */
export function quantizeUvs(uvs: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(uvs.length);
  for (let i = 0; i < uvs.length; i++) {
    const u = uvs[i]!;
    if (u < 0 || u > 1) throw new Error(`quantizeUvs: texture coordinate ${u} outside 0..1`);
    out[i] = Math.round(u * USHORT_MAX);
  }
  return out;
}
