import { Vector3 } from 'three';
import { smoothstep } from '../lib/Raster';
import { FACE } from './faceLayout';

const _d = new Vector3();

/** Unit direction for polar angle `theta` (0 = up) and longitude `phi` (0 = front, +Z; positive = +X). */
export function direction(theta: number, phi: number, out: Vector3): Vector3 {
  return out.set(Math.sin(theta) * Math.sin(phi), Math.cos(theta), Math.sin(theta) * Math.cos(phi));
}

/**
 * The smooth head surface before eye sockets: an egg whose lower front narrows into a small chin, with a
 * flattish face, soft cheeks and a small nose. Returns the world-space point for (theta, phi).
 */
export function baseHead(theta: number, phi: number, out: Vector3): Vector3 {
  const d = direction(theta, phi, _d);
  const [cx, cy, cz] = FACE.center;
  const down = Math.max(0, -d.y);
  const front = Math.max(0, d.z);
  // Jaw: the lower face narrows towards a small rounded chin; the skull base lifts at the back.
  const narrow = 1 - 0.36 * smoothstep(0.05, 1, down) * (0.35 + 0.65 * front);
  const cheek = 1 + 0.05 * Math.exp(-(((down - 0.38) / 0.22) ** 2)) * front;
  const x = FACE.rx * d.x * narrow * cheek;
  let y = d.y > 0 ? FACE.ryTop * d.y : FACE.ryBottom * d.y;
  const back = Math.max(0, -d.z);
  y += 0.45 * FACE.ryBottom * down ** 2 * back ** 0.8;
  // A flatter face plane in front, a fuller back of the head.
  const rz = d.z > 0 ? FACE.rzFront : FACE.rzBack;
  let z = rz * Math.sign(d.z) * Math.abs(d.z) ** (d.z > 0 ? 0.82 : 1);
  z += 0.012 * smoothstep(0.55, 0.95, down) * front;
  out.set(cx + x, cy + y, cz + z);
  // Nose: a small soft ridge ending in a rounded tip.
  const nx = out.x / 0.009;
  const ny = (out.y - FACE.noseY) / 0.016;
  const ridge = Math.exp(-(nx * nx)) * smoothstep(1.6, 0, ny) * smoothstep(-1.0, -0.25, ny);
  out.z += 0.0075 * ridge * front;
  return out;
}

/** Depth of the eyelid shell (front surface) at (x, y), or -Infinity outside its disc. */
export function lidShellZ(x: number, y: number, eyeZ: number): number {
  const dx = Math.abs(x) - FACE.eyeX;
  const dy = y - FACE.eyeY;
  const r2 = FACE.lidRadius ** 2 - dx * dx - dy * dy;
  return r2 > 0 ? eyeZ + Math.sqrt(r2) : Number.NEGATIVE_INFINITY;
}

/** Pushes skin behind the eyelid shells inside the eye sockets so the lids and eyeballs show there. */
export function carveSocket(p: Vector3, eyeZ: number): Vector3 {
  const ex = (Math.abs(p.x) - FACE.eyeX) / FACE.socketX;
  const ey = (p.y - FACE.eyeY) / FACE.socketY;
  const rho = Math.hypot(ex, ey);
  if (rho >= 1.25 || p.z < FACE.center[2]) return p;
  const inside = 1 - smoothstep(0.85, 1.25, rho);
  const shell = lidShellZ(p.x, p.y, eyeZ);
  const target = Number.isFinite(shell) ? shell - 0.0018 : eyeZ;
  if (p.z > target) p.z += (target - p.z) * inside;
  return p;
}

/** Finds the (theta, phi) whose base-head point is nearest to world (x, y) on the front of the face. */
export function frontAngles(x: number, y: number): { theta: number; phi: number; z: number } {
  const p = new Vector3();
  let best = { theta: Math.PI / 2, phi: 0, z: 0, err: Number.POSITIVE_INFINITY };
  let step = 0.05;
  for (let pass = 0; pass < 5; pass++) {
    const { theta: t0, phi: p0 } = best;
    for (let i = -10; i <= 10; i++) {
      for (let j = -10; j <= 10; j++) {
        const theta = pass === 0 ? 0.3 + i * 0 + (i + 10) * 0.13 : t0 + i * step;
        const phi = pass === 0 ? (j / 10) * 1.4 : p0 + j * step;
        baseHead(theta, phi, p);
        const err = (p.x - x) ** 2 + (p.y - y) ** 2;
        if (err < best.err) best = { theta, phi, z: p.z, err };
      }
    }
    step /= 8;
  }
  return { theta: best.theta, phi: best.phi, z: best.z };
}

let eyeZCache: number | undefined;

/** World z of the eyeball centres: the eyeball front pokes 1.5 mm out of the base face surface. */
export function eyeCenterZ(): number {
  eyeZCache ??= frontAngles(FACE.eyeX, FACE.eyeY).z + 0.0015 - FACE.eyeRadius;
  return eyeZCache;
}

/** Outward normal of the uncarved face at world (x, y), so parts set into the face can shade like skin. */
export function baseNormal(x: number, y: number, out: Vector3): Vector3 {
  const { theta, phi } = frontAngles(x, y);
  const e = 1e-4;
  const p0 = baseHead(theta, phi, new Vector3());
  const dt = baseHead(theta + e, phi, new Vector3()).sub(p0);
  const dp = baseHead(theta, phi + e, new Vector3()).sub(p0);
  return out.crossVectors(dt, dp).normalize();
}
