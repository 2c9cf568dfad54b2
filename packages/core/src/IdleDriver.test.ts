import { describe, expect, it } from 'vitest';
import { Channel } from './Driver';
import { createFaceFrame, type FaceFrame } from './FaceFrame';
import { BLINK_DURATION } from './IdleBlink';
import { IdleDriver, type IdleDriverOptions } from './IdleDriver';
import { createSeededRandom } from './random';

const DEG = Math.PI / 180;
const CLAIMS = Channel.blink | Channel.gaze | Channel.head | Channel.breath;

/** Samples an idle driver at `fps` for `seconds`, returning copies of the values of interest. */
function sample(options: IdleDriverOptions, seconds: number, fps = 60, setup?: (d: IdleDriver) => void) {
  const driver = new IdleDriver(options);
  setup?.(driver);
  const out: FaceFrame = createFaceFrame();
  const rows: { t: number; blink: number; yaw: number; pitch: number; head: number[]; breath: number }[] = [];
  const dt = 1 / fps;
  for (let n = 0; n < seconds * fps; n++) {
    const t = n * dt;
    if (driver.update(t, dt, out) !== CLAIMS) throw new Error(`unexpected channels at ${t}`);
    rows.push({
      t,
      blink: out.blinkLeft,
      yaw: out.gazeYaw,
      pitch: out.gazePitch,
      head: [out.headYaw, out.headPitch, out.headRoll],
      breath: out.breath,
    });
  }
  return rows;
}

/** Start times of closures (blink crossing 0.9 upwards). */
function closures(rows: { t: number; blink: number }[]): number[] {
  const starts: number[] = [];
  for (let i = 1; i < rows.length; i++)
    if (rows[i]!.blink > 0.9 && rows[i - 1]!.blink <= 0.9) starts.push(rows[i]!.t);
  return starts;
}

describe('IdleDriver blinks', () => {
  it('blinks 9–35 times in 60 s, every seed', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const n = closures(sample({ random: createSeededRandom(seed) }, 60)).length;
      expect(n).toBeGreaterThanOrEqual(9);
      expect(n).toBeLessThanOrEqual(35);
    }
  });

  it('doubles about 15 % of blinks', () => {
    const starts = closures(sample({ random: createSeededRandom(11) }, 600));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    const doubles = gaps.filter((g) => g < 0.6).length;
    const series = starts.length - doubles;
    expect(doubles).toBeGreaterThan(0);
    expect(doubles / series).toBeGreaterThan(0.05);
    expect(doubles / series).toBeLessThan(0.3);
    expect(gaps.filter((g) => g >= 0.6).every((g) => g >= 2 - 1e-6)).toBe(true);
  });

  it('closes to > 0.9 within ~60 ms, holds, and reopens within the blink duration', () => {
    const rows = sample({ random: createSeededRandom(5), doubleBlinkChance: 0 }, 10, 1000);
    const start = rows.findIndex((r) => r.blink > 0);
    const closed = rows.findIndex((r) => r.blink > 0.9);
    const shutFrom = rows.findIndex((r) => r.blink === 1);
    const end = rows.findIndex((r, i) => i > shutFrom && r.blink === 0);
    const shutTo =
      end -
      rows
        .slice(shutFrom, end)
        .reverse()
        .findIndex((r) => r.blink === 1) -
      1;
    expect(start).toBeGreaterThan(0);
    expect((closed - start) / 1000).toBeLessThanOrEqual(0.06);
    expect((shutTo - shutFrom) / 1000).toBeGreaterThanOrEqual(0.035);
    expect((end - shutTo) / 1000).toBeGreaterThanOrEqual(0.1);
    expect((end - start) / 1000).toBeLessThanOrEqual(BLINK_DURATION + 0.002);
    for (let i = start + 1; i <= shutFrom; i++)
      expect(rows[i]!.blink).toBeGreaterThanOrEqual(rows[i - 1]!.blink);
    for (let i = shutTo + 1; i < end; i++) expect(rows[i]!.blink).toBeLessThanOrEqual(rows[i - 1]!.blink);
  });

  it('shows every blink fully closed even at 8 fps', () => {
    const slow = closures(sample({ random: createSeededRandom(2), doubleBlinkChance: 0 }, 60, 8)).length;
    expect(slow).toBeGreaterThanOrEqual(9);
  });
});

describe('IdleDriver gaze', () => {
  it('makes saccades of at most a few degrees, mostly back to the viewer', () => {
    const rows = sample({ random: createSeededRandom(4) }, 120);
    const maxYaw = Math.max(...rows.map((r) => Math.abs(r.yaw)));
    const maxPitch = Math.max(...rows.map((r) => Math.abs(r.pitch)));
    expect(maxYaw).toBeLessThanOrEqual(5 * DEG + 1e-9);
    expect(maxYaw).toBeGreaterThan(2 * DEG);
    expect(maxPitch).toBeLessThanOrEqual(2.5 * DEG + 1e-9);
    const atViewer = rows.filter((r) => r.yaw === 0 && r.pitch === 0).length / rows.length;
    expect(atViewer).toBeGreaterThan(0.4);
    let moves = 0;
    for (let i = 2; i < rows.length; i++) {
      const still = rows[i - 1]!.yaw === rows[i - 2]!.yaw;
      if (still && rows[i]!.yaw !== rows[i - 1]!.yaw) moves++;
    }
    expect(moves).toBeGreaterThan(120 / 3 / 2);
    expect(moves).toBeLessThan(120 / 0.4);
  });

  it('locks the gaze on the look target and calms the sway when attentive', () => {
    const relaxed = sample({ random: createSeededRandom(6) }, 60);
    const attentive = sample({ random: createSeededRandom(6), attentive: true }, 60);
    expect(attentive.every((r) => r.yaw === 0 && r.pitch === 0)).toBe(true);
    const sway = (rows: typeof relaxed) => Math.max(...rows.map((r) => Math.abs(r.head[0]!)));
    expect(sway(attentive)).toBeLessThan(0.4 * sway(relaxed));
  });

  it('turns head and eyes toward a look target, sharing the angle', () => {
    const target = 20 * DEG;
    const rows = sample({ random: createSeededRandom(8), attentive: true, swayDeg: 0 }, 5, 60, (d) =>
      d.setLookTarget(target, 0),
    );
    const last = rows.at(-1)!;
    expect(last.head[0]).toBeCloseTo(target / 2, 3);
    expect(last.yaw).toBeCloseTo(target / 2, 3);
    expect(last.head[0]! + last.yaw).toBeCloseTo(target, 3);
    const headSteps = rows.slice(1).map((r, i) => Math.abs(r.head[0]! - rows[i]!.head[0]!));
    expect(Math.max(...headSteps)).toBeLessThan(1 * DEG);
  });
});

describe('IdleDriver breath and sway', () => {
  it('breathes with a period of 3.3–5 s', () => {
    for (const seed of [1, 2, 3]) {
      const rows = sample({ random: createSeededRandom(seed) }, 30);
      const ups: number[] = [];
      for (let i = 1; i < rows.length; i++)
        if (rows[i - 1]!.breath < 0 && rows[i]!.breath >= 0) ups.push(rows[i]!.t);
      const period = (ups.at(-1)! - ups[0]!) / (ups.length - 1);
      expect(period).toBeGreaterThanOrEqual(1 / 0.3 - 0.05);
      expect(period).toBeLessThanOrEqual(1 / 0.2 + 0.05);
      expect(Math.max(...rows.map((r) => r.breath))).toBeGreaterThan(0.99);
    }
  });

  it('sways the head by a few degrees at most, smoothly', () => {
    const rows = sample({ random: createSeededRandom(12) }, 120);
    const yaw = rows.map((r) => r.head[0]!);
    expect(Math.max(...yaw.map(Math.abs))).toBeLessThanOrEqual(2 * DEG + 1e-9);
    expect(Math.max(...yaw.map(Math.abs))).toBeGreaterThan(0.5 * DEG);
    expect(Math.max(...rows.map((r) => Math.abs(r.head[2]!)))).toBeLessThanOrEqual(0.8 * DEG + 1e-9);
    const steps = yaw.slice(1).map((y, i) => Math.abs(y - yaw[i]!));
    expect(Math.max(...steps)).toBeLessThan(0.05 * DEG);
  });
});

describe('IdleDriver clock resets', () => {
  it('keeps blinking and stays finite when time jumps backwards', () => {
    const driver = new IdleDriver({ random: createSeededRandom(21) });
    const out = createFaceFrame();
    let blinks = 0;
    let prev = 0;
    for (const start of [100, 0]) {
      for (let n = 0; n < 30 * 60; n++) {
        driver.update(start + n / 60, 1 / 60, out);
        for (const v of [out.blinkLeft, out.gazeYaw, out.gazePitch, out.headYaw, out.breath]) {
          if (!Number.isFinite(v)) throw new Error(`non-finite output at ${start + n / 60}`);
        }
        if (out.blinkLeft > 0.9 && prev <= 0.9 && start === 0) blinks++;
        prev = out.blinkLeft;
      }
    }
    expect(blinks).toBeGreaterThanOrEqual(4);
  });
});

describe('IdleDriver determinism', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = sample({ random: createSeededRandom(77) }, 20);
    const b = sample({ random: createSeededRandom(77) }, 20);
    const c = sample({ random: createSeededRandom(78) }, 20);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
