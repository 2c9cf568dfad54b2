import { hex, mixRgba, Raster, type Rgba, smoothstep } from '../lib/Raster';
import { TORSO_BOTTOM, TORSO_TOP, TORSO_V } from './body';
import { PALETTE } from './palette';

/** Approximate torso circumference, to turn metres across the chest into texture u. */
const GIRTH = 0.74;
/** Where the lapels and the plain fabric sample the blazer texture. */
/** The lapel strip: u runs across the lapel (0 inner edge, 1 outer edge), v is fixed. */
export const LAPEL_V = 0.992;

const navy = hex(PALETTE.navy);

function fabric(u: number, v: number, base: Rgba): Rgba {
  const twill = 0.5 + 0.5 * Math.sin((u * 512 + v * 512) * (Math.PI / 2));
  return mixRgba(base, hex('#0b1228'), 0.1 * twill);
}

function disc(dx: number, dy: number, r: number): number {
  return 1 - smoothstep(r * 0.8, r, Math.hypot(dx, dy));
}

function torso(u: number, v: number): Rgba {
  const y = TORSO_TOP - (v / TORSO_V) * (TORSO_TOP - TORSO_BOTTOM);
  const x = (u - 0.5) * GIRTH; // metres from the front centre line, + = avatar's left
  let c = fabric(u, v, navy);
  // Shirt and scarf in the V between the lapels.
  const vHalf = 0.054 * smoothstep(1.185, 1.41, y) ** 0.85;
  const inV = 1 - smoothstep(vHalf - 0.002, vHalf + 0.001, Math.abs(x));
  const shirt = mixRgba(hex(PALETTE.shirt), hex(PALETTE.shirtShade), smoothstep(1.3, 1.19, y) * 0.4);
  c = mixRgba(c, shirt, inV * smoothstep(1.18, 1.19, y));
  // The tie falls from the knot into the V, widening slightly and ending in a point at the buttoning.
  const along = (1.385 - y) / (1.385 - 1.2);
  const tipCut = 1 - smoothstep(0.86, 1, along + Math.abs(x) * 6);
  const half = (0.009 + 0.005 * along) * (along > 0 ? 1 : 0);
  const scarf = (1 - smoothstep(half - 0.0012, half, Math.abs(x))) * tipCut;
  const stripe = (x * 0.7 + y) * 55;
  const tie = mixRgba(
    hex(PALETTE.scarf),
    hex(PALETTE.scarfShade),
    stripe - Math.floor(stripe) < 0.22 ? 0.7 : 0,
  );
  c = mixRgba(c, tie, scarf * inV);
  // Buttons, pocket flaps, hem and a gold name badge on the left chest.
  for (const by of [1.14, 1.065]) c = mixRgba(c, hex(PALETTE.gold), disc(x, y - by, 0.0075));
  c = mixRgba(c, hex('#6b5530'), 1 - smoothstep(0.0006, 0.0016, Math.abs(Math.hypot(x, y - 1.14) - 0.0055)));
  const pocket = Math.abs(Math.abs(x) - 0.085) < 0.055 && Math.abs(y - 0.965) < 0.0015;
  if (pocket) c = mixRgba(c, hex(PALETTE.navyShade), 0.8);
  c = mixRgba(c, hex(PALETTE.navyShade), smoothstep(0.885, 0.86, y) * 0.6);
  const badge = Math.abs(x - 0.095) < 0.017 && Math.abs(y - 1.262) < 0.0055;
  if (badge) c = mixRgba(hex(PALETTE.gold), hex('#fff3cf'), Math.abs(y - 1.264) < 0.0012 ? 0.5 : 0);
  return c;
}

function sleeve(u: number, v: number): Rgba {
  const along = (v - 0.86) / 0.12;
  const c = fabric(u, v, navy);
  const stripe = Math.abs(along - 0.875) < 0.018 ? 1 : 0;
  return mixRgba(c, hex(PALETTE.gold), stripe);
}

/** Blazer texture: navy twill torso with the shirt V, scarf, buttons and badge; sleeve strip; lapel satin. */
export function paintBlazer(size = 512): Raster {
  return new Raster(size, size).paint((u, v) => {
    if (v < TORSO_V + 0.02) return torso(u, v);
    if (v < 0.985) return sleeve(u, v);
    const stitch = Math.abs(u - 0.86) < 0.025 ? 0.35 : 0;
    const edge = smoothstep(0.93, 1, u) * 0.6;
    return mixRgba(fabric(u, v, hex(PALETTE.navyLight)), hex(PALETTE.navyShade), Math.max(stitch, edge));
  });
}
