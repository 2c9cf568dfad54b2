import { MeshPart } from '../lib/MeshPart';
import { FACE } from './faceLayout';
import { frontAngles } from './headShape';
import { boneIndex } from './rig';

/** Tags of the mouth-interior vertices, read by the mouth morphs (continuing the head's lip tags). */
export const InteriorTag = { cavity: 3, tongue: 4, teeth: 5 } as const;

type Shape = (i: number, j: number) => readonly [number, number, number];

function grid(
  part: MeshPart,
  cols: number,
  rows: number,
  shape: Shape,
  tag: number,
  uv: [number, number],
): void {
  const head = boneIndex('head');
  const ids: number[][] = [];
  for (let j = 0; j <= rows; j++) {
    const row: number[] = [];
    for (let i = 0; i <= cols; i++) {
      const [x, y, z] = shape(i / cols, j / rows);
      row.push(part.vertex(x, y, z, uv[0], uv[1], [[head, 1]], tag));
    }
    ids.push(row);
  }
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      part.quad(ids[j]![i]!, ids[j + 1]![i]!, ids[j + 1]![i + 1]!, ids[j]![i + 1]!);
    }
  }
}

/** An ellipsoid; with `open` (radians) its front is left open by that half-angle, making a bag. */
function ellipsoid(cx: number, cy: number, cz: number, rx: number, ry: number, rz: number, open = 0): Shape {
  return (u, v) => {
    const polar = Math.PI * v;
    const az = open + (2 * Math.PI - 2 * open) * u;
    return [
      cx + rx * Math.sin(polar) * Math.sin(az),
      cy + ry * Math.cos(polar),
      cz + rz * Math.sin(polar) * Math.cos(az),
    ];
  };
}

/** Pushes interior vertices back so none shows through the closed face. */
function keepBehindSkin(part: MeshPart): void {
  for (let i = 0; i < part.vertexCount; i++) {
    const x = part.positions[i * 3]!;
    const y = part.positions[i * 3 + 1]!;
    const limit = frontAngles(x, y).z - 0.0035;
    if (part.positions[i * 3 + 2]! > limit) part.positions[i * 3 + 2] = limit;
  }
}

/**
 * The inside of the mouth, seen only when the lips part: a dark cavity (double-sided, open at the front), upper teeth
 * just behind the upper lip and a tongue resting on the floor of the mouth. Returned per material.
 */
export function buildMouthInterior(): MeshPart[] {
  const lipZ = frontAngles(0, FACE.mouthY).z;
  const y = FACE.mouthY;
  const cavity = new MeshPart('MouthCavity', 'mouth');
  grid(
    cavity,
    24,
    14,
    ellipsoid(0, y - 0.005, lipZ - 0.019, 0.017, 0.012, 0.013, 0.7),
    InteriorTag.cavity,
    [0.5, 0.5],
  );
  const teeth = new MeshPart('Teeth', 'teeth');
  const teethRadius = 0.017;
  grid(
    teeth,
    16,
    3,
    (u, v) => {
      const a = (u - 0.5) * 1.9;
      return [
        teethRadius * Math.sin(a),
        y + 0.0055 - v * 0.0075,
        lipZ - 0.0195 + teethRadius * Math.cos(a) - Math.abs(a) * 0.001,
      ];
    },
    InteriorTag.teeth,
    [0.5, 0.5],
  );
  const tongue = new MeshPart('Tongue', 'tongue');
  grid(
    tongue,
    16,
    10,
    ellipsoid(0, y - 0.0088, lipZ - 0.0165, 0.0125, 0.0042, 0.0115),
    InteriorTag.tongue,
    [0.5, 0.5],
  );
  const parts = [cavity, teeth, tongue];
  for (const part of parts) keepBehindSkin(part);
  return parts;
}
