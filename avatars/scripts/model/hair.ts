import { Vector3 } from 'three';
import { distribute } from '../lib/distribute';
import { MeshPart } from '../lib/MeshPart';
import { smoothstep } from '../lib/Raster';
import { FACE } from './faceLayout';
import { baseHead } from './headShape';
import { boneIndex } from './rig';

const COLUMNS = 84;
const ROWS = 26;
const WIDEST = 1.72;

/** Where the hair ends at longitude phi: a clumpy fringe above the brows, a chin-length bob elsewhere. */
export function hairEnd(phi: number): number {
  const a = Math.abs(phi);
  // Side-swept fringe: higher towards the parting on the avatar's left (+phi), just above the brows elsewhere.
  const fringeY = FACE.browY + 0.008 + 0.014 * smoothstep(-0.2, 0.9, phi);
  const bobY = 1.462 + 0.03 * smoothstep(1.6, Math.PI, a);
  const t = smoothstep(0.62, 1.05, a);
  const clumps = phi * 4.2 + 0.3;
  const tip = Math.sin(Math.PI * (clumps - Math.floor(clumps))) ** 2;
  const clumpDepth = 0.0045 * (1 - 0.5 * t);
  return fringeY + (bobY - fringeY) * t - clumpDepth * tip;
}

/** Radial offset of the hair surface from the head surface (relative to the head radius). */
function volume(theta: number, phi: number): number {
  const front = Math.max(0, Math.cos(phi));
  return 0.1 + 0.1 * Math.max(0, Math.cos(theta)) ** 1.5 - 0.035 * front * smoothstep(1.0, 1.5, theta);
}

function profile(phi: number): Vector3[] {
  const c = new Vector3(...FACE.center);
  const end = hairEnd(phi);
  const points: Vector3[] = [];
  const p = new Vector3();
  for (let i = 0; i <= 60; i++) {
    const theta = (WIDEST * i) / 60;
    baseHead(theta, phi, p);
    const q = p
      .clone()
      .sub(c)
      .multiplyScalar(1 + volume(theta, phi))
      .add(c);
    const prev = points[points.length - 1];
    if (q.y < end) {
      // End exactly on the hairline so neighbouring columns line up (no stair steps along the fringe).
      if (prev) points.push(prev.clone().lerp(q, (prev.y - end) / (prev.y - q.y)));
      break;
    }
    points.push(q);
  }
  const last = points[points.length - 1]!;
  if (last.y > end + 0.002) {
    // Hang straight down from the widest point, curling in slightly at the tips.
    const steps = 24;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const q = last.clone();
      q.y = last.y + (end - last.y) * t;
      const inward = 1 - 0.05 * t - 0.05 * smoothstep(0.6, 1, t);
      q.x = c.x + (last.x - c.x) * inward;
      q.z = c.z + (last.z - c.z) * inward;
      points.push(q);
    }
  }
  return points;
}

function resample(points: Vector3[], count: number): Vector3[] {
  const lengths = [0];
  for (let i = 1; i < points.length; i++)
    lengths.push(lengths[i - 1]! + points[i]!.distanceTo(points[i - 1]!));
  const total = lengths[lengths.length - 1]!;
  const out: Vector3[] = [];
  let j = 0;
  for (let k = 0; k <= count; k++) {
    const target = (total * k) / count;
    while (j < points.length - 2 && lengths[j + 1]! < target) j++;
    const span = lengths[j + 1]! - lengths[j]! || 1;
    out.push(points[j]!.clone().lerp(points[j + 1]!, Math.min(1, (target - lengths[j]!) / span)));
  }
  return out;
}

/** A chin-length bob with a clumpy fringe: one double-sided sheet over the head, bound to the head bone. */
export function buildHair(): MeshPart {
  const part = new MeshPart('Hair', 'hair');
  const head = boneIndex('head');
  const ids: number[][] = [];
  const phis = distribute(COLUMNS, -Math.PI, Math.PI, (p) => 0.5 + 1.5 * Math.exp(-((p / 1.1) ** 2)));
  const seam = resample(profile(-Math.PI), ROWS);
  for (let col = 0; col <= COLUMNS; col++) {
    // Both ends of the sheet use the very same points so the seam at the back closes exactly.
    const points = col === 0 || col === COLUMNS ? seam : resample(profile(phis[col]!), ROWS);
    const row = points.map((q, r) => part.vertex(q.x, q.y, q.z, col / COLUMNS, r / ROWS, [[head, 1]]));
    ids.push(row);
  }
  for (let col = 0; col < COLUMNS; col++) {
    for (let r = 0; r < ROWS; r++) {
      part.quad(ids[col]![r]!, ids[col]![r + 1]!, ids[col + 1]![r + 1]!, ids[col + 1]![r]!);
    }
  }
  return part;
}
