import type { Influence } from './MeshPart';
import { smoothstep } from './Raster';

/**
 * Skin weights along a chain of bones: `joints[k]` is the coordinate where bone k starts (increasing); weights
 * cross-fade over `blend` either side of each joint.
 */
export function chain(
  t: number,
  bones: readonly number[],
  joints: readonly number[],
  blend: number,
): Influence[] {
  const out: Influence[] = [];
  for (let k = 0; k < bones.length; k++) {
    const enter = k === 0 ? 1 : smoothstep(joints[k]! - blend, joints[k]! + blend, t);
    const leave = k + 1 < bones.length ? smoothstep(joints[k + 1]! - blend, joints[k + 1]! + blend, t) : 0;
    const w = enter * (1 - leave);
    if (w > 1e-4) out.push([bones[k]!, w]);
  }
  return out;
}

/** Blends two influence lists: (1 - t) of `a` and t of `b`. */
export function blendInfluences(a: readonly Influence[], b: readonly Influence[], t: number): Influence[] {
  const map = new Map<number, number>();
  for (const [j, w] of a) map.set(j, (map.get(j) ?? 0) + w * (1 - t));
  for (const [j, w] of b) map.set(j, (map.get(j) ?? 0) + w * t);
  return [...map].filter(([, w]) => w > 1e-4);
}
