import { MeshPart } from '../lib/MeshPart';
import { smoothstep } from '../lib/Raster';
import { type Ring, tube } from '../lib/tube';
import { torsoFrontZ, torsoSkin } from './body';
import { LAPEL_V } from './outfitTextures';

const V_BOTTOM = 1.185;
const V_TOP = 1.41;
const vHalf = (y: number) => 0.054 * smoothstep(V_BOTTOM, V_TOP, y) ** 0.85;

/** Notch-less lapels lying on the blazer front along the shirt V, with a thickness wall on the outer edge. */
function buildLapels(): MeshPart {
  const part = new MeshPart('Lapels', 'blazer');
  const rows = 24;
  const cols = 5;
  for (const s of [1, -1]) {
    const ids: number[][] = [];
    for (let j = 0; j <= rows; j++) {
      const y = V_TOP - 0.012 - ((V_TOP - 0.012 - V_BOTTOM) * j) / rows;
      const t = (y - V_BOTTOM) / (V_TOP - V_BOTTOM);
      const width = 0.066 * Math.sin(Math.PI * Math.min(1, t ** 0.7 * 1.02)) ** 0.6 + 0.004;
      const row: number[] = [];
      for (let i = 0; i <= cols + 1; i++) {
        const w = Math.min(1, i / cols);
        const x = s * (vHalf(y) - 0.002 + width * w);
        const wall = i === cols + 1;
        const z = torsoFrontZ(x, y) + (wall ? -0.001 : 0.0035 + 0.003 * w);
        row.push(part.vertex(x, y, z, wall ? 1 : w, LAPEL_V, torsoSkin({ x, y, z })));
      }
      ids.push(row);
    }
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i <= cols; i++) {
        const [a, b, c, d] = [ids[j]![i]!, ids[j + 1]![i]!, ids[j + 1]![i + 1]!, ids[j]![i + 1]!];
        if (s > 0) part.quad(a, b, c, d);
        else part.quad(a, d, c, b);
      }
    }
  }
  return part;
}

/** The white shirt collar: a band round the neck, open at the front, its points lying on the chest. */
function buildCollar(): MeshPart {
  const part = new MeshPart('Collar', 'shirt');
  const rows = 4;
  const cols = 40;
  const ids: number[][] = [];
  for (let i = 0; i <= cols; i++) {
    const alpha = 0.32 + ((2 * Math.PI - 0.64) * i) / cols;
    const front = smoothstep(1.2, 0.32, Math.min(alpha, 2 * Math.PI - alpha));
    const col: number[] = [];
    for (let j = 0; j <= rows; j++) {
      const h = j / rows;
      const lowY = 1.384 - 0.04 * front;
      const y = lowY + (1.446 - 0.01 * front - lowY) * h;
      const r = 0.041 + (0.013 + 0.01 * front) * (1 - h) ** 1.3;
      const x = r * Math.sin(alpha);
      let z = -0.006 + r * Math.cos(alpha);
      if (Math.cos(alpha) > 0) z = Math.max(z, torsoFrontZ(x, y) + 0.003 * (1 - h));
      col.push(part.vertex(x, y, z, 0.5, 0.5, torsoSkin({ x, y, z })));
    }
    ids.push(col);
  }
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++)
      part.quad(ids[i]![j]!, ids[i + 1]![j]!, ids[i + 1]![j + 1]!, ids[i]![j + 1]!);
  }
  return part;
}

/** A neat tie knot at the throat in the bank's accent colour (the tie itself is painted into the shirt V). */
function buildScarf(): MeshPart {
  const part = new MeshPart('Scarf', 'scarf');
  const y = 1.392;
  const z = torsoFrontZ(0, y) + 0.012;
  const knot: Ring[] = [0, 0.15, 0.55, 1].map((t, i) => ({
    center: [0, y + 0.009 - 0.018 * t, z - 0.003 + 0.002 * Math.sin(Math.PI * t)],
    a: [0.009, 0.0115, 0.0095, 0.0055][i]!,
    b: [0.003, 0.0055, 0.005, 0.003][i]!,
    power: 3,
  }));
  tube(part, knot, { axis: 'y', segments: 16, skin: torsoSkin, capStart: true, capEnd: true });
  return part;
}

/** Lapels (blazer material), shirt collar and scarf knot. */
export function buildOutfit(): MeshPart[] {
  return [buildLapels(), buildCollar(), buildScarf()];
}
