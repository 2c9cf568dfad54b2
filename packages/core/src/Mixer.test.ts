import { describe, expect, it, vi } from 'vitest';
import { DigitalHumanError } from './DigitalHumanError';
import { Channel, type Driver } from './Driver';
import { EmotionIndex, type FaceFrame, VisemeIndex } from './FaceFrame';
import { IdleDriver } from './IdleDriver';
import { Mixer, type MixerEvents } from './Mixer';
import { createSeededRandom } from './random';
import { waitForEvent } from './waitForEvent';

const DT = 1 / 60;
const AA = VisemeIndex.aa;
const OU = VisemeIndex.ou;
const HAPPY = EmotionIndex.happy;
const SAD = EmotionIndex.sad;

/** A driver claiming `mask` (0 = inactive) and writing its pose with `pose`. */
class TestDriver implements Driver {
  constructor(
    readonly name: string,
    readonly priority: number,
    public mask: number,
    private readonly pose: (out: FaceFrame, time: number) => void = () => {},
  ) {}

  update(time: number, _dt: number, out: FaceFrame): number {
    if (this.mask !== 0) this.pose(out, time);
    return this.mask;
  }
}

/** Runs the mixer at 60 fps over frames [first, last), calling `each` with every output; returns `last`. */
function run(mixer: Mixer, first: number, last: number, each?: (f: FaceFrame, t: number) => void): number {
  for (let n = first; n < last; n++) {
    const t = n * DT;
    const frame = mixer.update(t, DT);
    each?.(frame, t);
  }
  return last;
}

/** Every number of a frame's channels, for measuring per-frame steps. */
function snapshot(f: FaceFrame): number[] {
  return [
    ...f.visemes,
    ...f.emotions,
    f.blinkLeft,
    f.blinkRight,
    f.gazeYaw,
    f.gazePitch,
    f.headYaw,
    f.headPitch,
    f.headRoll,
    f.breath,
  ];
}

function maxStep(a: number[], b: number[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('Mixer ownership', () => {
  it('gives each channel to its highest-priority claimant', () => {
    const mixer = new Mixer();
    const low = new TestDriver('low', 1, Channel.mouth | Channel.head, (o) => {
      o.visemes[AA] = 1;
      o.headYaw = 0.1;
    });
    const high = new TestDriver('high', 2, Channel.mouth, (o) => {
      o.visemes[OU] = 0.6;
    });
    mixer.addDriver(low);
    mixer.addDriver(high);
    const out = mixer.update(0, DT);
    run(mixer, 1, 30);
    expect(mixer.ownerOf(Channel.mouth)).toBe(high);
    expect(mixer.ownerOf(Channel.head)).toBe(low);
    expect(mixer.ownerOf(Channel.emotion)).toBeNull();
    expect(out.visemes[OU]).toBeCloseTo(0.6, 6);
    expect(out.visemes[AA]).toBe(0);
    expect(out.headYaw).toBeCloseTo(0.1, 6);
  });

  it('breaks priority ties in favour of the first added', () => {
    const mixer = new Mixer();
    const a = new TestDriver('a', 1, Channel.blink);
    const b = new TestDriver('b', 1, Channel.blink);
    mixer.addDriver(a);
    mixer.addDriver(b);
    mixer.update(0, DT);
    expect(mixer.ownerOf(Channel.blink)).toBe(a);
  });

  it('leaves blink, gaze, head and breath to idle while speech owns the mouth', () => {
    const mixer = new Mixer();
    const idle = new IdleDriver({ random: createSeededRandom(3) });
    const speech = new TestDriver('speech', 10, Channel.mouth, (o) => {
      o.visemes[AA] = 0.8;
    });
    mixer.addDriver(idle);
    mixer.addDriver(speech);
    let out = mixer.update(0, DT);
    run(mixer, 1, 60, (f) => {
      out = f;
    });
    expect(mixer.ownerOf(Channel.mouth)).toBe(speech);
    for (const c of [Channel.blink, Channel.gaze, Channel.head, Channel.breath])
      expect(mixer.ownerOf(c)).toBe(idle);
    expect(mixer.ownerOf(Channel.arkit)).toBeNull();
    expect(out.arkit).toBeNull();
    expect(out.visemes[AA]).toBeCloseTo(0.8, 6);
    expect(out.breath).not.toBe(0);
  });

  it('emits ownerchange with from and to, once per change', async () => {
    const mixer = new Mixer();
    const a = new TestDriver('a', 1, Channel.mouth);
    const b = new TestDriver('b', 2, 0);
    mixer.addDriver(a);
    mixer.addDriver(b);
    const changes: MixerEvents['ownerchange'][] = [];
    mixer.on('ownerchange', (e) => changes.push(e));
    const first = waitForEvent(mixer, 'ownerchange', 100);
    run(mixer, 0, 5);
    await expect(first).resolves.toEqual({ channel: Channel.mouth, from: null, to: a });
    b.mask = Channel.mouth;
    run(mixer, 5, 10);
    b.mask = 0;
    run(mixer, 10, 15);
    expect(changes).toEqual([
      { channel: Channel.mouth, from: null, to: a },
      { channel: Channel.mouth, from: a, to: b },
      { channel: Channel.mouth, from: b, to: a },
    ]);
  });

  it('removes drivers with the returned remover or removeDriver', () => {
    const mixer = new Mixer();
    const a = new TestDriver('a', 1, Channel.gaze);
    const b = new TestDriver('b', 2, Channel.gaze);
    mixer.addDriver(a);
    const removeB = mixer.addDriver(b);
    expect(() => mixer.addDriver(b)).toThrow(/already added/);
    mixer.update(0, DT);
    expect(mixer.ownerOf(Channel.gaze)).toBe(b);
    removeB();
    mixer.update(DT, DT);
    expect(mixer.ownerOf(Channel.gaze)).toBe(a);
    expect(mixer.removeDriver(b)).toBe(false);
    expect(mixer.removeDriver(a)).toBe(true);
    mixer.update(2 * DT, DT);
    expect(mixer.ownerOf(Channel.gaze)).toBeNull();
  });
});

describe('Mixer crossfade', () => {
  const low = () =>
    new TestDriver('low', 1, Channel.mouth | Channel.head | Channel.blink, (o) => {
      o.visemes[AA] = 1;
      o.headYaw = 0.3;
      o.blinkLeft = 1;
    });
  const high = () =>
    new TestDriver('high', 2, 0, (o) => {
      o.visemes[OU] = 1;
      o.headYaw = -0.3;
    });

  /** Largest per-frame step of any value across two owner switches at 60 fps. */
  function switchSteps(crossfadeMs: number): { weight: number; head: number; settled: FaceFrame } {
    const mixer = new Mixer({ crossfadeMs });
    const b = high();
    mixer.addDriver(low());
    mixer.addDriver(b, { additive: 0 });
    run(mixer, 0, 60);
    let prev = snapshot(mixer.update(60 * DT, DT));
    let weight = 0;
    let head = 0;
    const track = (f: FaceFrame) => {
      const now = snapshot(f);
      weight = Math.max(weight, maxStep(prev.slice(0, 20), now.slice(0, 20)), Math.abs(now[20]! - prev[20]!));
      head = Math.max(head, Math.abs(now[24]! - prev[24]!));
      prev = now;
    };
    b.mask = Channel.mouth | Channel.head;
    run(mixer, 61, 61 + 25, track);
    const settled = snapshot(mixer.update(86 * DT, DT));
    b.mask = 0;
    run(mixer, 87, 120, track);
    return { weight, head, settled: toFrame(settled) };
  }

  it('moves no weight by more than 1.5·dt/crossfade per frame at 60 fps during a switch', () => {
    const bound = (1.5 * DT) / 0.3; // 0.0833
    const { weight, head, settled } = switchSteps(300);
    expect(weight).toBeLessThanOrEqual(bound + 1e-6);
    expect(weight).toBeGreaterThan(bound * 0.9);
    expect(head).toBeLessThanOrEqual(0.6 * bound + 1e-6);
    expect(settled.visemes[OU]).toBeCloseTo(1, 6);
    expect(settled.visemes[AA]).toBeCloseTo(0, 6);
    expect(settled.headYaw).toBeCloseTo(-0.3, 6);
    expect(settled.blinkLeft).toBeCloseTo(1, 6);
  });

  it('jumps without a crossfade (crossfadeMs 0), so the bound above is meaningful', () => {
    expect(switchSteps(0).weight).toBeCloseTo(1, 6);
  });

  it('adds an additive driver on top of the owner and fades it in and out', () => {
    const mixer = new Mixer();
    const sway = new TestDriver('sway', 0, Channel.head, (o) => {
      o.headYaw = 0.05;
    });
    const puppet = new TestDriver('puppet', 10, 0, (o) => {
      o.headYaw = 0.2;
    });
    mixer.addDriver(sway, { additive: Channel.head });
    mixer.addDriver(puppet);
    run(mixer, 0, 30);
    expect(mixer.update(30 * DT, DT).headYaw).toBeCloseTo(0.05, 6);
    puppet.mask = Channel.head;
    run(mixer, 31, 60);
    expect(mixer.update(60 * DT, DT).headYaw).toBeCloseTo(0.25, 6);
    let prev = 0.25;
    let step = 0;
    sway.mask = 0;
    run(mixer, 61, 100, (f) => {
      step = Math.max(step, Math.abs(f.headYaw - prev));
      prev = f.headYaw;
    });
    expect(prev).toBeCloseTo(0.2, 6);
    expect(step).toBeLessThanOrEqual(0.05 * ((1.5 * DT) / 0.3) + 1e-6);
  });

  it('outputs arkit only while the arkit channel is owned or fading out', () => {
    const mixer = new Mixer();
    const puppet = new TestDriver('puppet', 10, Channel.arkit, (o) => {
      o.arkit![3] = 0.7;
    });
    const remove = mixer.addDriver(puppet);
    run(mixer, 0, 30);
    const out = mixer.update(30 * DT, DT);
    expect(out.arkit?.[3]).toBeCloseTo(0.7, 6);
    remove();
    expect(mixer.update(31 * DT, DT).arkit).not.toBeNull();
    run(mixer, 32, 60);
    expect(mixer.update(60 * DT, DT).arkit).toBeNull();
  });
});

describe('Mixer speaking emotion cap', () => {
  function setup(cap?: number) {
    const mixer = new Mixer(cap === undefined ? {} : { speakingEmotionCap: cap });
    const emotion = new TestDriver('emotion', 5, Channel.emotion, (o) => {
      o.emotions[HAPPY] = 1;
    });
    const speech = new TestDriver('speech', 10, 0, (o) => {
      o.visemes[AA] = 0.8;
    });
    mixer.addDriver(new IdleDriver({ random: createSeededRandom(9) }));
    mixer.addDriver(emotion);
    mixer.addDriver(speech);
    return { mixer, emotion, speech };
  }

  it('caps emotions while the mouth is owned and eases the cap in and out', () => {
    const { mixer, speech } = setup();
    let prev = 0;
    let step = 0;
    const track = (f: FaceFrame) => {
      step = Math.max(step, Math.abs(f.emotions[HAPPY]! - prev));
      prev = f.emotions[HAPPY]!;
    };
    run(mixer, 0, 60, track);
    expect(prev).toBeCloseTo(1, 6);
    step = 0;
    speech.mask = Channel.mouth;
    run(mixer, 60, 120, track);
    expect(prev).toBeCloseTo(0.5, 6);
    const out = mixer.update(120 * DT, DT);
    expect(out.visemes[AA]).toBeCloseTo(0.8, 6);
    speech.mask = 0;
    run(mixer, 121, 180, track);
    expect(prev).toBeCloseTo(1, 6);
    expect(step).toBeLessThanOrEqual(0.5 * ((1.5 * DT) / 0.3) + 1e-6);
  });

  it('caps the sum of emotions, keeping their proportions, at the configured cap', () => {
    const mixer = new Mixer({ speakingEmotionCap: 0.3 });
    mixer.addDriver(
      new TestDriver('emotion', 5, Channel.emotion, (o) => {
        o.emotions[HAPPY] = 0.6;
        o.emotions[SAD] = 0.3;
      }),
    );
    mixer.addDriver(new TestDriver('speech', 10, Channel.mouth));
    run(mixer, 0, 60);
    const out = mixer.update(60 * DT, DT);
    expect(out.emotions[HAPPY]).toBeCloseTo(0.2, 5);
    expect(out.emotions[SAD]).toBeCloseTo(0.1, 5);
  });
});

describe('Mixer lifecycle', () => {
  it('removes a throwing driver, reports it and keeps mixing', () => {
    const mixer = new Mixer();
    const fallback = new TestDriver('fallback', 1, Channel.mouth, (o) => {
      o.visemes[AA] = 0.4;
    });
    const cause = new Error('bad data');
    const broken = new TestDriver('broken', 5, Channel.mouth, (_o, t) => {
      if (t > 0.5) throw cause;
    });
    mixer.addDriver(fallback);
    mixer.addDriver(broken);
    const errors: MixerEvents['error'][] = [];
    mixer.on('error', (e) => errors.push(e));
    expect(() => run(mixer, 0, 90)).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.driver).toBe(broken);
    expect(DigitalHumanError.is(errors[0]!.error, 'driver-failed')).toBe(true);
    expect(errors[0]!.error.cause).toBe(cause);
    expect(mixer.ownerOf(Channel.mouth)).toBe(fallback);
    expect(mixer.update(90 * DT, DT).visemes[AA]).toBeCloseTo(0.4, 6);
  });

  it('stores the controller and emits controllerchange only on change', () => {
    const mixer = new Mixer();
    const fn = vi.fn();
    mixer.on('controllerchange', fn);
    expect(mixer.controller).toBe('ai');
    mixer.setController('human');
    mixer.setController('human');
    mixer.setController('ai');
    expect(fn.mock.calls).toEqual([
      [{ controller: 'human', previous: 'ai' }],
      [{ controller: 'ai', previous: 'human' }],
    ]);
  });

  it('disposes: emits dispose, drops drivers and listeners, refuses new drivers', () => {
    const mixer = new Mixer();
    const a = new TestDriver('a', 1, Channel.mouth, (o) => {
      o.visemes[AA] = 1;
    });
    mixer.addDriver(a);
    const onDispose = vi.fn();
    mixer.on('dispose', onDispose);
    mixer.on('ownerchange', () => {});
    mixer.dispose();
    expect(onDispose).toHaveBeenCalledTimes(1);
    expect(mixer.listenerCount('ownerchange')).toBe(0);
    expect(() => mixer.addDriver(a)).toThrow(DigitalHumanError);
    run(mixer, 0, 30);
    expect(mixer.update(30 * DT, DT).visemes[AA]).toBe(0);
  });

  it('rejects invalid options', () => {
    expect(() => new Mixer({ crossfadeMs: -1 })).toThrow(/crossfadeMs/);
    expect(() => new Mixer({ speakingEmotionCap: Number.NaN })).toThrow(/speakingEmotionCap/);
  });
});

function toFrame(values: number[]): FaceFrame {
  return {
    visemes: Float32Array.from(values.slice(0, 15)),
    emotions: Float32Array.from(values.slice(15, 20)),
    blinkLeft: values[20]!,
    blinkRight: values[21]!,
    gazeYaw: values[22]!,
    gazePitch: values[23]!,
    headYaw: values[24]!,
    headPitch: values[25]!,
    headRoll: values[26]!,
    breath: values[27]!,
    arkit: null,
  };
}
