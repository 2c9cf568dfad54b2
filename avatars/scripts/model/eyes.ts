import { Vector3 } from 'three';
import { MeshPart } from '../lib/MeshPart';
import { FACE } from './faceLayout';
import { LID_STRIP } from './head';
import { eyeCenterZ } from './headShape';
import { boneIndex } from './rig';

/** How far (radians) the lid edges move, as functions of the across-eye coordinate a (-1 inner, +1 outer). */
export interface LidPose {
  upper?: (a: number, side: 1 | -1) => number;
  lower?: (a: number, side: 1 | -1) => number;
}

interface LidVertex {
  readonly side: 1 | -1;
  readonly upper: boolean;
  readonly a: number;
  /** 0 at the far end of the shell, 1 at the lid edge. */
  readonly k: number;
}

/** Across-eye extent of the lid shells (|a| <= 1 is the opening). */
export const A_MAX = 1.7;
const YAW_PER_A = (56 * Math.PI) / 180;
const FAR = (84 * Math.PI) / 180;

/** Midline of the eye opening (outer corner slightly higher) and the neutral half-openings. */
const mid = (a: number) => -0.03 + 0.07 * Math.min(1, Math.max(-1, a));
const openness = (a: number, height: number, power: number) => height * Math.max(0, 1 - a * a) ** power;
const upperEdge = (a: number) => mid(a) + openness(a, 0.5, 0.55);
const lowerEdge = (a: number) => mid(a) - openness(a, 0.5, 0.7);

/** Upper-lid edge change that closes the eye into a soft downward arc resting on the lower lid. */
export const closeUpper = (a: number): number => mid(a) - openness(a, 0.27, 0.7) - upperEdge(a);
/** Lower-lid edge change lifting it by `amount` radians in the middle of the eye. */
export const liftLower = (a: number, amount: number): number => amount * Math.max(0, 1 - a * a) ** 0.75;

function lidPoint(v: LidVertex, pose: LidPose, out: Vector3): Vector3 {
  const edge = v.upper
    ? upperEdge(v.a) + (pose.upper?.(v.a, v.side) ?? 0)
    : lowerEdge(v.a) + (pose.lower?.(v.a, v.side) ?? 0);
  const far = v.upper ? FAR : -FAR;
  const elevation = far + (edge - far) * v.k;
  const yaw = v.a * YAW_PER_A * v.side;
  const r = v.upper ? FACE.lidRadius + 0.0003 : FACE.lidRadius;
  return out.set(
    v.side * FACE.eyeX + r * Math.sin(yaw) * Math.cos(elevation),
    FACE.eyeY + r * Math.sin(elevation),
    eyeCenterZ() + r * Math.cos(yaw) * Math.cos(elevation),
  );
}

/** The upper and lower eyelid shells of both eyes (skin material, head bone) and a morph builder for them. */
export function buildLids(): { part: MeshPart; morph: (name: string, pose: LidPose) => void } {
  const part = new MeshPart('Lids', 'skin');
  const params: LidVertex[] = [];
  const head = boneIndex('head');
  const cols = 22;
  const rows = 8;
  for (const side of [1, -1] as const) {
    for (const upper of [true, false]) {
      const grid: number[][] = [];
      for (let j = 0; j <= rows; j++) {
        const row: number[] = [];
        for (let i = 0; i <= cols; i++) {
          const a = -A_MAX + (2 * A_MAX * i) / cols;
          const v: LidVertex = { side, upper, a, k: (j / rows) ** 0.6 };
          const p = lidPoint(v, {}, new Vector3());
          const uv = [(upper ? 0 : 0.5) + (0.5 * (a + A_MAX)) / (2 * A_MAX), LID_STRIP * (0.05 + 0.9 * v.k)];
          row.push(part.vertex(p.x, p.y, p.z, uv[0]!, uv[1]!, [[head, 1]]));
          params.push(v);
        }
        grid.push(row);
      }
      for (let j = 0; j < rows; j++) {
        for (let i = 0; i < cols; i++) {
          // Mirroring and upper/lower both reverse the winding.
          const flip = (side === 1) === upper;
          const [a, b, c, d] = [grid[j]![i]!, grid[j + 1]![i]!, grid[j + 1]![i + 1]!, grid[j]![i + 1]!];
          if (flip) part.quad(a, b, c, d);
          else part.quad(a, d, c, b);
        }
      }
    }
  }
  const morph = (name: string, pose: LidPose) =>
    part.morph(name, (_p, i, out) => lidPoint(params[i]!, pose, out));
  return { part, morph };
}

/** Both eyeballs: UV spheres whose front is planar-mapped onto the iris texture, each bound to its eye bone. */
export function buildEyeballs(): MeshPart {
  const part = new MeshPart('Eyes', 'eye');
  const r = FACE.eyeRadius;
  const seg = 22;
  for (const side of [1, -1] as const) {
    const bone = boneIndex(side === 1 ? 'leftEye' : 'rightEye');
    const cx = side * FACE.eyeX;
    const grid: number[][] = [];
    for (let j = 0; j <= seg; j++) {
      const polar = (Math.PI * j) / seg; // 0 = front pole
      const row: number[] = [];
      for (let i = 0; i <= seg; i++) {
        const az = (2 * Math.PI * i) / seg;
        const x = Math.sin(polar) * Math.cos(az);
        const y = Math.sin(polar) * Math.sin(az);
        const z = Math.cos(polar);
        const s = z > 0 ? 0.5 : 0.5 / Math.max(0.5, Math.sin(polar));
        row.push(
          part.vertex(cx + r * x, FACE.eyeY + r * y, eyeCenterZ() + r * z, 0.5 + x * s, 0.5 - y * s, [
            [bone, 1],
          ]),
        );
      }
      grid.push(row);
    }
    for (let j = 0; j < seg; j++) {
      for (let i = 0; i < seg; i++) {
        part.quad(grid[j]![i]!, grid[j + 1]![i]!, grid[j + 1]![i + 1]!, grid[j]![i + 1]!);
      }
    }
  }
  return part;
}
