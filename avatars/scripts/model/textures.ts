import { Vector3 } from 'three';
import { hex, mixRgba, Raster, type Rgba, smoothstep, valueNoise } from '../lib/Raster';
import { A_MAX } from './eyes';
import { FACE, longitudeOf } from './faceLayout';
import { hairEnd } from './hair';
import { headPointAtUv, LID_STRIP } from './head';
import { PALETTE } from './palette';

const C = {
  skin: hex(PALETTE.skin),
  blush: hex(PALETTE.blush),
  lips: hex(PALETTE.lips),
  lipLine: hex(PALETTE.lipLine),
  brow: hex(PALETTE.brow),
  liner: hex(PALETTE.liner),
};
const _p = new Vector3();
const gauss = (x: number) => Math.exp(-x * x);

/** Brow darkness at a face point: a soft arched stroke, thick at the inner end, tapering outwards. */
function brow(x: number, y: number): number {
  const t = (Math.abs(x) - 0.016) / 0.036;
  if (t < -0.1 || t > 1.1) return 0;
  const centreY = FACE.browY + 0.0025 * Math.sin(Math.PI * Math.min(1, Math.max(0, t)) ** 0.8) - 0.002 * t;
  const half = 0.0021 * (1 - 0.55 * t);
  const ends = smoothstep(-0.12, 0.12, t) * (1 - smoothstep(0.9, 1.1, t));
  return (1 - smoothstep(half * 0.6, half, Math.abs(y - centreY))) * ends;
}

/** Lip colour weight and the dark parting line at a face point. */
function lips(x: number, y: number, z: number): [number, number] {
  const s = Math.abs(x) / (FACE.mouthHalfWidth * 1.05);
  if (s > 1.3 || z < FACE.center[2] + 0.04) return [0, 0];
  const dy = y - FACE.mouthY;
  const shape = Math.max(0, 1 - s * s) ** 0.6;
  const upper = dy > 0 ? 1 - smoothstep(0.0022 * shape, 0.0032 * shape + 0.0003, dy) : 0;
  const lower = dy <= 0 ? 1 - smoothstep(0.0035 * shape, 0.0048 * shape + 0.0003, -dy) : 0;
  const line = (1 - smoothstep(0.0002, 0.0007, Math.abs(dy))) * (1 - smoothstep(0.75, 0.98, s));
  return [Math.max(upper, lower) * 0.75, line];
}

function faceColour(u: number, v: number): Rgba {
  const p = headPointAtUv(u, v, _p);
  let c: Rgba = C.skin;
  const ax = Math.abs(p.x);
  if (p.z > FACE.center[2]) {
    const cheek = gauss((ax - 0.045) / 0.014) * gauss((p.y - (FACE.eyeY - 0.027)) / 0.009);
    c = mixRgba(c, C.blush, 0.3 * cheek);
    const noseTip = gauss(p.x / 0.003) * gauss((p.y - (FACE.noseY - 0.008)) / 0.0018);
    c = mixRgba(c, hex(PALETTE.skinShade), 0.25 * noseTip);
    const [lip, line] = lips(p.x, p.y, p.z);
    c = mixRgba(mixRgba(c, C.lips, lip), C.lipLine, line * 0.8);
    c = mixRgba(c, C.brow, brow(p.x, p.y));
    // Soft shadow the fringe and the bob cast on the forehead and the sides of the face.
    const phi = longitudeOf(p.x, p.z);
    const end = hairEnd(phi);
    const shadow = Math.max(
      smoothstep(end - 0.009, end - 0.002, p.y),
      0.8 * smoothstep(0.8, 1.15, Math.abs(phi)),
    );
    c = mixRgba(c, hex(PALETTE.skinShade), 0.32 * shadow);
  }
  return c;
}

function lidColour(u: number, v: number): Rgba {
  const upper = u < 0.5;
  const a = ((upper ? u : u - 0.5) / 0.5) * 2 * A_MAX - A_MAX;
  const k = (v / LID_STRIP - 0.05) / 0.9;
  if (upper) {
    const start = 0.8 - 0.12 * smoothstep(-0.2, 1.1, a);
    const liner =
      smoothstep(start, start + 0.04, k) * (1 - smoothstep(1.15, 1.45, a)) * smoothstep(-1.3, -0.9, a);
    const crease = gauss((k - 0.58) / 0.035) * (1 - smoothstep(0.7, 1.2, Math.abs(a))) * 0.25;
    return mixRgba(mixRgba(C.skin, hex(PALETTE.skinShade), crease), C.liner, liner);
  }
  const line = smoothstep(0.9, 0.98, k) * smoothstep(-0.4, 0.6, a) * (1 - smoothstep(1.0, 1.3, a));
  return mixRgba(C.skin, hex('#8f5f5a'), line * 0.65);
}

/** Face texture: skin with blush, lips, brows and the eyelid strip (liner, crease). */
export function paintFace(size = 1024): Raster {
  return new Raster(size, size).paint((u, v) => (v < LID_STRIP ? lidColour(u, v) : faceColour(u, v)), false);
}

/** Eye texture: sclera with a lid shadow, an amber-brown iris, pupil and two catch lights. */
export function paintEye(size = 256): Raster {
  const dark = hex(PALETTE.irisDark);
  const light = hex(PALETTE.irisLight);
  return new Raster(size, size).paint((u, v) => {
    const x = u - 0.5;
    const y = v - 0.5;
    const r = Math.hypot(x / 0.245, y / 0.27);
    let c = mixRgba(hex(PALETTE.sclera), hex('#b9bfd0'), smoothstep(0.08, -0.2, y) * 0.9);
    const iris = mixRgba(mixRgba(dark, light, smoothstep(-0.12, 0.2, y)), dark, smoothstep(0.78, 1, r) * 0.8);
    c = mixRgba(c, iris, 1 - smoothstep(0.96, 1.02, r));
    const streak = 0.12 * valueNoise(Math.atan2(y, x) * 9, r * 3, 5) * smoothstep(0.3, 0.6, r);
    c = mixRgba(c, dark, streak * (1 - smoothstep(0.96, 1, r)));
    c = mixRgba(c, hex('#160c08'), 1 - smoothstep(0.36, 0.42, Math.hypot(x / 0.085, y / 0.1) * 0.4));
    c = mixRgba(
      c,
      hex('#ffffff'),
      1 - smoothstep(0.8, 1, Math.hypot((x + 0.065) / 0.05, (y + 0.095) / 0.045)),
    );
    return mixRgba(
      c,
      hex('#fff6ea'),
      0.9 * (1 - smoothstep(0.7, 1, Math.hypot((x - 0.07) / 0.02, (y - 0.1) / 0.02))),
    );
  });
}

/** Hair texture: dark brown with strand streaks, a soft sheen band and darker tips. */
export function paintHair(size = 512): Raster {
  const base = hex(PALETTE.hair);
  return new Raster(size, size).paint((u, v) => {
    const strands = valueNoise(u * 140, v * 3, 2, 140) * 0.6 + valueNoise(u * 55, v * 1.5, 3, 55) * 0.4;
    let c = mixRgba(hex(PALETTE.hairShade), base, 0.5 + 0.5 * strands);
    const band = gauss((v - 0.3 - 0.02 * Math.sin(u * Math.PI * 16)) / 0.035) * (0.55 + 0.45 * strands);
    c = mixRgba(c, hex(PALETTE.hairLight), band);
    return mixRgba(c, hex(PALETTE.hairShade), smoothstep(0.75, 1, v) * 0.5);
  }, false);
}

/** Neck texture: skin with the soft shadow the chin casts just below it (v = 0 is the top of the neck tube). */
export function paintNeck(size = 64): Raster {
  const shade = hex(PALETTE.skinShade);
  return new Raster(8, size).paint((_u, v) => mixRgba(C.skin, shade, 0.6 * (1 - smoothstep(0.2, 0.42, v))));
}
