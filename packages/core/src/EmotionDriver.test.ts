import { describe, expect, it } from 'vitest';
import { Channel } from './Driver';
import { EmotionDriver } from './EmotionDriver';
import { createFaceFrame, EmotionIndex, resetFaceFrame } from './FaceFrame';

const frame = createFaceFrame();
const DT = 1 / 60;

/** Runs the driver from `from` to `to` seconds at 60 fps; returns the peak weight per emotion and the last mask. */
function run(driver: EmotionDriver, from: number, to: number) {
  const peak = new Float32Array(frame.emotions.length);
  let mask = 0;
  for (let t = from; t < to; t += DT) {
    resetFaceFrame(frame);
    mask = driver.update(t, DT, frame);
    for (let i = 0; i < peak.length; i++) peak[i] = Math.max(peak[i]!, frame.emotions[i]!);
  }
  return { peak, mask, last: Float32Array.from(frame.emotions) };
}

describe('EmotionDriver', () => {
  it('is inactive with nothing to show', () => {
    const d = new EmotionDriver();
    expect(run(d, 0, 1).mask).toBe(0);
    expect(frame.emotions.every((w) => w === 0)).toBe(true);
  });

  it('shows a cue, rising smoothly (attack) and fading smoothly (release) after its duration', () => {
    const d = new EmotionDriver({ attackMs: 200, releaseMs: 600 });
    d.cue({ emotion: 'happy', intensity: 0.8, durationMs: 1000 });
    resetFaceFrame(frame);
    expect(d.update(0, DT, frame)).toBe(Channel.emotion);
    const first = frame.emotions[EmotionIndex.happy]!;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(0.1); // no jump
    const held = run(d, DT, 1).last[EmotionIndex.happy]!;
    expect(held).toBeGreaterThan(0.75);
    const soon = run(d, 1, 1.2).last[EmotionIndex.happy]!;
    expect(soon).toBeGreaterThan(0.4); // release is slower than attack
    expect(soon).toBeLessThan(held);
    const gone = run(d, 1.2, 6);
    expect(gone.last[EmotionIndex.happy]).toBe(0);
    expect(gone.mask).toBe(0);
  });

  it('lets a cue win over the text estimate, and uses the text without a cue', () => {
    const d = new EmotionDriver();
    d.say('很抱歉，您的申请未通过。', 3000);
    const sad = run(d, 0, 1).last;
    expect(sad[EmotionIndex.sad]).toBeGreaterThan(0.3);
    expect(sad[EmotionIndex.happy]).toBe(0);
    d.cue({ emotion: 'relaxed', intensity: 0.7, durationMs: 2000 });
    const cued = run(d, 1, 3).last;
    expect(cued[EmotionIndex.relaxed]).toBeGreaterThan(0.6);
    expect(cued[EmotionIndex.sad]).toBeLessThan(0.05);
  });

  it("holds a cue with durationMs 0 until the next cue, and 'neutral' clears it", () => {
    const d = new EmotionDriver();
    d.cue({ emotion: 'relaxed', intensity: 0.5, durationMs: 0 });
    expect(run(d, 0, 10).last[EmotionIndex.relaxed]).toBeGreaterThan(0.45);
    d.say('Congratulations!', 60_000);
    expect(run(d, 10, 11).last[EmotionIndex.happy]).toBe(0); // the cue still wins over the text
    d.cue({ emotion: 'neutral', intensity: 0, durationMs: 0 });
    const after = run(d, 11, 14).last;
    expect(after[EmotionIndex.relaxed]).toBeLessThan(0.01);
    expect(after[EmotionIndex.happy]).toBeGreaterThan(0.3); // the text estimate shows again
  });

  it('smiles at good news in English text', () => {
    const d = new EmotionDriver();
    d.say('Congratulations, your card is approved!');
    expect(run(d, 0, 1).last[EmotionIndex.happy]).toBeGreaterThan(0.4);
  });

  it('never shows happy to an angry customer, even when a cue asks for a grin', () => {
    const d = new EmotionDriver();
    d.setCustomerMood({ label: 'angry', valence: -0.7, confidence: 0.8 });
    d.cue({ emotion: 'happy', intensity: 1, durationMs: 2000 });
    d.say('太好了！恭喜您！');
    const a = run(d, 0, 2);
    d.cue({ emotion: 'surprised', intensity: 1, durationMs: 1000 });
    const b = run(d, 2, 3);
    d.setCustomerMood({ label: 'angry', valence: -0.5, confidence: 0.6 });
    d.cue({ emotion: 'happy', intensity: 0.9, durationMs: 1000 });
    const c = run(d, 3, 4);
    for (const r of [a, b, c]) {
      expect(r.peak[EmotionIndex.happy]).toBe(0);
      expect(r.peak[EmotionIndex.angry]).toBe(0);
      expect(r.peak[EmotionIndex.surprised]).toBe(0);
      expect(r.last[EmotionIndex.relaxed]).toBeGreaterThan(0.25);
      expect(r.last[EmotionIndex.sad]).toBeGreaterThan(0.1);
      expect(r.last[EmotionIndex.sad]).toBeLessThan(0.4);
    }
    expect(d.empathetic).toBe(true);
  });

  it('turns an existing smile into concern quickly when the customer complains', () => {
    const d = new EmotionDriver();
    d.cue({ emotion: 'happy', intensity: 0.8, durationMs: 5000 });
    expect(run(d, 0, 1).last[EmotionIndex.happy]).toBeGreaterThan(0.7);
    d.setCustomerMood({ complaining: true });
    const after = run(d, 1, 2).last;
    expect(after[EmotionIndex.happy]).toBeLessThan(0.01);
    expect(after[EmotionIndex.relaxed]).toBeGreaterThan(0.3);
  });

  it('forgets a stale mood and a neutral mood ends the empathy', () => {
    const d = new EmotionDriver({ moodTtlMs: 1000 });
    d.setCustomerMood({ label: 'sad', confidence: 0.9 });
    run(d, 0, 0.5);
    expect(d.empathetic).toBe(true);
    run(d, 0.5, 2);
    expect(d.empathetic).toBe(false);
    d.setCustomerMood({ label: 'sad', confidence: 0.9 });
    run(d, 2, 2.5);
    d.setCustomerMood({ label: 'neutral', valence: 0.1 });
    d.cue({ emotion: 'happy', intensity: 0.6, durationMs: 2000 });
    expect(run(d, 2.5, 4).last[EmotionIndex.happy]).toBeGreaterThan(0.5);
  });

  it('ignores a low-confidence negative label', () => {
    const d = new EmotionDriver();
    d.setCustomerMood({ label: 'angry', confidence: 0.2 });
    d.cue({ emotion: 'happy', intensity: 0.6, durationMs: 2000 });
    expect(run(d, 0, 1).last[EmotionIndex.happy]).toBeGreaterThan(0.5);
  });
});
