import { Vector3 } from 'three';
import { distribute, sampleTable, snap } from '../lib/distribute';
import { MeshPart } from '../lib/MeshPart';
import { FACE } from './faceLayout';
import { baseHead, carveSocket, eyeCenterZ, frontAngles } from './headShape';
import { boneIndex } from './rig';

/** Vertex tags of the head mesh read by the mouth morphs. */
export const LipTag = { none: 0, upperEdge: 1, lowerEdge: 2, interior: 3 } as const;

const COLUMNS = 80;
const ROWS = 68;
/** The top of the face texture (under the hair) is kept for the eyelids. */
export const LID_STRIP = 0.12;

const gauss = (x: number, c: number, w: number) => Math.exp(-(((x - c) / w) ** 2));

function buildAngles(): { thetas: number[]; phis: number[]; mouthRow: number; cornerPhi: number } {
  const mouth = frontAngles(0, FACE.mouthY);
  const eye = frontAngles(FACE.eyeX, FACE.eyeY);
  const thetas = distribute(ROWS, 0, Math.PI, (t) => {
    return (
      0.3 + 1.6 * gauss(t, 1.95, 0.55) + 1.4 * gauss(t, eye.theta, 0.16) + 1.2 * gauss(t, mouth.theta, 0.08)
    );
  });
  const mouthRow = snap(thetas, mouth.theta);
  const phis = distribute(COLUMNS, -Math.PI, Math.PI, (p) => 0.28 + 2.2 * gauss(p, 0, 0.8));
  const cornerPhi = frontAngles(FACE.mouthHalfWidth, FACE.mouthY).phi;
  snap(phis, cornerPhi);
  snap(phis, -cornerPhi);
  return { thetas, phis, mouthRow, cornerPhi };
}

/** The head's parameter grid; also used to paint the face texture in the same coordinates. */
export const HEAD_GRID = buildAngles();

/** Rest-pose head point for a texture coordinate of the face texture (below the eyelid strip). */
export function headPointAtUv(u: number, v: number, out: Vector3): Vector3 {
  const theta = sampleTable(HEAD_GRID.thetas, ((v - LID_STRIP) / (1 - LID_STRIP)) * ROWS);
  const phi = sampleTable(HEAD_GRID.phis, u * COLUMNS);
  return carveSocket(baseHead(theta, phi, out), eyeCenterZ());
}

/**
 * The head skin: a closed latitude/longitude grid, denser around eyes and mouth, with the mouth row split into
 * an upper and a lower lip edge between the corners so the mouth can open. All weight on the head bone.
 */
export function buildHead(): MeshPart {
  const part = new MeshPart('Head', 'skin');
  const { thetas, phis, mouthRow, cornerPhi } = HEAD_GRID;
  const head = boneIndex('head');
  const eyeZ = eyeCenterZ();
  const p = new Vector3();
  const rows: number[][] = [];
  const vOf = (r: number) => LID_STRIP + (1 - LID_STRIP) * (r / ROWS);
  thetas.forEach((theta, r) => {
    const row = phis.map((phi, c) => {
      baseHead(theta, phi, p);
      const tag = r === mouthRow && Math.abs(phi) < cornerPhi - 1e-6 ? LipTag.upperEdge : LipTag.none;
      return part.vertex(p.x, p.y, p.z, c / COLUMNS, vOf(r), [[head, 1]], tag);
    });
    rows.push(row);
    if (r === mouthRow) {
      const lower = phis.map((phi, c) => {
        if (Math.abs(phi) >= cornerPhi - 1e-6) return row[c]!;
        baseHead(theta, phi, p);
        return part.vertex(p.x, p.y, p.z, c / COLUMNS, vOf(r), [[head, 1]], LipTag.lowerEdge);
      });
      rows.push(lower);
    }
  });
  for (let r = 0; r + 1 < rows.length; r++) {
    if (r === mouthRow) continue; // the slit between the lips
    const top = rows[r]!;
    const bottom = rows[r + 1]!;
    for (let c = 0; c < COLUMNS; c++) {
      part.quad(top[c]!, bottom[c]!, bottom[c + 1]!, top[c + 1]!);
    }
  }
  // Shade with the uncarved surface's normals so the eye sockets leave no rings, then carve them.
  part.computeNormals();
  for (let i = 0; i < part.vertexCount; i++) carveSocket(part.at(i, p), eyeZ).toArray(part.positions, i * 3);
  return part;
}
