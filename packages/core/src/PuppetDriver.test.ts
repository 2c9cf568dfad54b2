import { createOperatorFaceFrame, type OperatorFaceFrame } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { ArkitIndex } from './arkit';
import { Channel, type Driver } from './Driver';
import { createFaceFrame, EmotionIndex, type FaceFrame, VisemeIndex } from './FaceFrame';
import { IdleDriver } from './IdleDriver';
import { ManualClock } from './ManualClock';
import { Mixer } from './Mixer';
import { PuppetDriver, type PuppetState } from './PuppetDriver';
import { createSeededRandom } from './random';

const DT = 1 / 60;
/** Sender clock epoch close to the uint32 wrap, so the test crosses it. */
const EPOCH_MS = 2 ** 32 - 3_000;

/** The operator's face at capture time `t` (s): talking jaw, slow smile, head turn, one blink at 3.5 s. */
function operatorPose(t: number, out: OperatorFaceFrame): OperatorFaceFrame {
  const b = out.blendshapes;
  b.fill(0);
  b[ArkitIndex.jawOpen] = 0.3 + 0.25 * Math.sin(2 * Math.PI * 1.5 * t);
  b[ArkitIndex.mouthSmileLeft] = 0.5 + 0.3 * Math.sin(2 * Math.PI * 0.5 * t);
  b[ArkitIndex.mouthSmileRight] = b[ArkitIndex.mouthSmileLeft]!;
  const blink = Math.max(0, 1 - Math.abs(t - 3.5) / 0.15);
  b[ArkitIndex.eyeBlinkLeft] = blink;
  b[ArkitIndex.eyeBlinkRight] = blink;
  out.headYaw = 0.2 * Math.sin(2 * Math.PI * 0.3 * t);
  out.headPitch = 0.05 * Math.sin(2 * Math.PI * 0.2 * t);
  out.gazeYaw = 0.1 * Math.sin(2 * Math.PI * 0.4 * t);
  out.tracked = true;
  return out;
}

interface Packet {
  readonly arrival: number;
  readonly frame: OperatorFaceFrame;
}

/** 30 Hz capture over [from, to) with network delay 30 ms + jitter, `loss` share dropped (seeded). */
function capture(from: number, to: number, jitter: number, loss: number, seed = 7): Packet[] {
  const random = createSeededRandom(seed);
  const packets: Packet[] = [];
  for (let k = 0; from + k / 30 < to; k++) {
    const t = from + k / 30;
    const frame = operatorPose(t, createOperatorFaceFrame());
    frame.seq = k;
    frame.timestampMs = (EPOCH_MS + Math.round(t * 1000)) >>> 0;
    if (random.next() < loss) continue;
    packets.push({ arrival: t + 0.03 + random.next() * jitter, frame });
  }
  return packets.sort((a, b) => a.arrival - b.arrival);
}

/** Pushes the packets that arrived by `time`; returns how many were consumed. */
function deliver(puppet: PuppetDriver, packets: readonly Packet[], from: number, time: number): number {
  let i = from;
  while (i < packets.length && packets[i]!.arrival <= time) {
    puppet.push(packets[i]!.frame, packets[i]!.arrival);
    i++;
  }
  return i;
}

/** The AI side: speech moving the mouth and a happy emotion. */
class AiSpeech implements Driver {
  readonly name = 'speech';
  readonly priority = 50;
  update(time: number, _dt: number, out: FaceFrame): number {
    out.visemes[VisemeIndex.oh] = 0.4 + 0.2 * Math.sin(2 * Math.PI * 2 * time);
    out.emotions[EmotionIndex.happy] = 0.3;
    return Channel.mouth | Channel.emotion;
  }
}

function weights(f: FaceFrame): number[] {
  return [...f.visemes, ...f.emotions, f.blinkLeft, f.blinkRight];
}

function angles(f: FaceFrame): number[] {
  return [f.gazeYaw, f.gazePitch, f.headYaw, f.headPitch, f.headRoll];
}

function maxDiff(a: readonly number[], b: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

interface RunResult {
  maxWeightStep: number;
  maxAngleStep: number;
  owners: Map<number, string | null>;
  states: PuppetState[];
}

/** AI 0–2 s, operator from 2 s (gap 4.0–4.6 s), hand back at 6 s, until 7 s; 60 fps on a ManualClock. */
function runHandoff(crossfadeMs: number, jitter: number, loss: number): RunResult {
  const clock = new ManualClock();
  const mixer = new Mixer({ crossfadeMs });
  // Idle blinks close in 60 ms by design (a real blink), faster than 0.15 per frame: none in this run, so the
  // measure sees the switch, not the AI's own blinks.
  mixer.addDriver(new IdleDriver({ random: createSeededRandom(1), blinkInterval: [100, 100] }));
  mixer.addDriver(new AiSpeech());
  const puppet = new PuppetDriver({ clock });
  mixer.addDriver(puppet);
  const states: PuppetState[] = [];
  puppet.on('state', ({ state }) => states.push(state));
  const packets = [...capture(2, 4, jitter, loss), ...capture(4.6, 6, jitter, loss, 8)];
  let next = 0;
  let prevW: number[] | null = null;
  let prevA: number[] | null = null;
  const result: RunResult = { maxWeightStep: 0, maxAngleStep: 0, owners: new Map(), states };
  for (let n = 0; n <= 7 * 60; n++) {
    clock.set(n * DT);
    const t = clock.now();
    if (n === 6 * 60) puppet.stop();
    if (n < 6 * 60) next = deliver(puppet, packets, next, t);
    const frame = mixer.update(t, DT);
    const w = weights(frame);
    const a = angles(frame);
    if (prevW && prevA) {
      result.maxWeightStep = Math.max(result.maxWeightStep, maxDiff(prevW, w));
      result.maxAngleStep = Math.max(result.maxAngleStep, maxDiff(prevA, a));
    }
    prevW = w;
    prevA = a;
    if (n % 30 === 0) result.owners.set(n / 60, mixer.ownerOf(Channel.mouth)?.name ?? null);
  }
  return result;
}

describe('PuppetDriver in the mixer: AI → operator → AI', () => {
  it('never moves a weight more than 0.15 between 60 fps frames, with jitter, loss and reordering', () => {
    const r = runHandoff(300, 0.04, 0.05);
    console.info(
      `handoff: max weight step ${r.maxWeightStep.toFixed(3)}, max angle step ${r.maxAngleStep.toFixed(4)} rad`,
    );
    expect(r.maxWeightStep).toBeLessThanOrEqual(0.15);
    expect(r.maxAngleStep).toBeLessThan(0.05);
    expect(r.owners.get(1)).toBe('speech');
    expect(r.owners.get(3)).toBe('puppet');
    expect(r.owners.get(5)).toBe('puppet');
    expect(r.owners.get(7)).toBe('speech');
    // The 0.6 s gap: held, then lost (idle took over), then live again; the hand-back ends in waiting.
    const lost = r.states.indexOf('lost');
    expect(r.states[lost - 1]).toBe('holding');
    expect(r.states[lost + 1]).toBe('live');
    expect(r.states.at(-1)).toBe('waiting');
    expect(r.states.filter((s) => s === 'lost')).toHaveLength(1);
    // Brief underruns (a late or lost frame) coast for a frame or two; they stay rare.
    expect(r.states.filter((s) => s === 'holding').length).toBeLessThan(6);
  });

  it('the measure can fail: without the mixer crossfade the same switch jumps', () => {
    const r = runHandoff(0, 0.04, 0.05);
    expect(r.maxWeightStep).toBeGreaterThan(0.15);
  });

  it('stays continuous under heavy jitter (80 ms) and 20 % loss', () => {
    const r = runHandoff(300, 0.08, 0.2);
    expect(r.maxWeightStep).toBeLessThanOrEqual(0.15);
    expect(r.owners.get(3)).toBe('puppet');
  });
});

/** A lip-sync stand-in: `ou` while `speaking`. */
class FallbackLipsync implements Driver {
  readonly name = 'voice-lipsync';
  readonly priority = 0;
  speaking = true;
  update(_time: number, _dt: number, out: FaceFrame): number {
    if (!this.speaking) return 0;
    out.visemes[VisemeIndex.ou] = 0.7;
    return Channel.mouth;
  }
}

/** Feeds a still operator face (`pose`) at 30 Hz from `from` to `to` s and runs the driver at 60 fps. */
function drive(puppet: PuppetDriver, from: number, to: number, pose?: (f: OperatorFaceFrame) => void) {
  const f = createOperatorFaceFrame();
  const out = { frame: null as FaceFrame | null, mask: 0 };
  let seq = Math.round(from * 30);
  for (let n = Math.round(from * 60); n < to * 60; n++) {
    const t = n / 60;
    if (pose && n % 2 === 0) {
      pose(f);
      f.seq = seq++;
      f.timestampMs = Math.round(t * 1000);
      puppet.push(f, t + 0.02);
    }
    const frame = createFaceFrame(true);
    out.mask = puppet.update(t, DT, frame);
    out.frame = frame;
  }
  return out;
}

describe('PuppetDriver: what the operator does shows on the avatar', () => {
  it('maps the jaw to aa, a smile to happy, blinks, head and gaze, and passes the raw ARKit weights', () => {
    const puppet = new PuppetDriver();
    const { frame, mask } = drive(puppet, 0, 1, (f) => {
      f.tracked = true;
      f.blendshapes.fill(0);
      f.blendshapes[ArkitIndex.jawOpen] = 0.6;
      f.blendshapes[ArkitIndex.mouthSmileLeft] = 0.7;
      f.blendshapes[ArkitIndex.mouthSmileRight] = 0.7;
      f.blendshapes[ArkitIndex.eyeBlinkLeft] = 0.9;
      f.headYaw = 0.3;
      f.gazePitch = -0.1;
    });
    expect(mask & Channel.mouth).toBe(Channel.mouth);
    expect(mask & Channel.breath).toBe(0); // breathing stays with idle
    expect(frame!.visemes[VisemeIndex.aa]! + frame!.visemes[VisemeIndex.E]!).toBeGreaterThan(0.5);
    expect(frame!.emotions[EmotionIndex.happy]).toBeGreaterThan(0.6);
    expect(frame!.blinkLeft).toBeGreaterThan(0.9);
    expect(frame!.blinkRight).toBe(0);
    expect(frame!.headYaw).toBeCloseTo(0.3, 3);
    expect(frame!.gazePitch).toBeCloseTo(-0.1, 3);
    expect(frame!.arkit![ArkitIndex.jawOpen]).toBeCloseTo(0.6, 3);
  });

  it('a neutral face stays neutral: no emotion, mouth at rest', () => {
    const puppet = new PuppetDriver();
    const { frame } = drive(puppet, 0, 1, (f) => {
      f.tracked = true;
      f.blendshapes.fill(0.05); // MediaPipe's resting levels
    });
    expect(Math.max(...frame!.emotions)).toBe(0);
    expect(frame!.visemes[VisemeIndex.sil]).toBeGreaterThan(0.7);
  });

  it('uses the audio fallback for the mouth only while the operator face is lost', () => {
    const lipsync = new FallbackLipsync();
    const puppet = new PuppetDriver({ fallbackMouth: lipsync });
    const jaw = (f: OperatorFaceFrame) => {
      f.tracked = true;
      f.blendshapes.fill(0);
      f.blendshapes[ArkitIndex.jawOpen] = 0.7;
    };
    let r = drive(puppet, 0, 1, jaw);
    expect(r.frame!.visemes[VisemeIndex.ou]).toBe(0); // the operator's own mouth wins while tracked
    r = drive(puppet, 1, 2, (f) => {
      f.tracked = false; // the face left the camera; the voice goes on
    });
    expect(puppet.state).toBe('lost');
    expect(r.mask).toBe(Channel.mouth);
    expect(r.frame!.visemes[VisemeIndex.ou]).toBeCloseTo(0.7, 5);
    lipsync.speaking = false;
    r = drive(puppet, 2, 2.5);
    expect(r.mask).toBe(0); // silent and lost: everything back to idle
  });

  it('stop() releases every channel at once (hand-back)', () => {
    const puppet = new PuppetDriver();
    const states: string[] = [];
    const off = puppet.on('state', (e) => states.push(e.state));
    drive(puppet, 0, 0.5, (f) => {
      f.tracked = true;
    });
    puppet.stop();
    expect(puppet.update(0.6, DT, createFaceFrame(true))).toBe(0);
    expect(states).toEqual(['live', 'waiting']);
    off();
    puppet.dispose();
  });
});
