import { createFaceFrame, PuppetDriver, resetFaceFrame, VisemeIndex } from '@digital-human/core';
import { createOperatorFaceFrame } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { OperatorVoiceLipsync, type VoiceLevelSource } from './OperatorVoiceLipsync';

const DT = 1 / 60;

/** A stand-in analyser: a 150 Hz tone whose amplitude the test sets. */
class ToneSource implements VoiceLevelSource {
  readonly fftSize = 1024;
  amplitude = 0;
  private phase = 0;
  getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void {
    for (let i = 0; i < array.length; i++) {
      array[i] = this.amplitude * Math.sin(this.phase);
      this.phase += (2 * Math.PI * 150) / 48_000;
    }
  }
}

describe('OperatorVoiceLipsync', () => {
  it('opens the mouth with the voice and lets go of it in silence', () => {
    const tone = new ToneSource();
    const lipsync = new OperatorVoiceLipsync(tone);
    const out = createFaceFrame();
    const run = (seconds: number) => {
      let mask = 0;
      for (let n = 0; n < seconds * 60; n++) {
        resetFaceFrame(out);
        mask = lipsync.update(n * DT, DT, out);
      }
      return mask;
    };
    expect(run(0.5)).toBe(0); // silence: not claiming the mouth
    tone.amplitude = 0.3; // RMS 0.21: loud
    expect(run(0.3)).not.toBe(0);
    expect(out.visemes[VisemeIndex.aa]).toBeGreaterThan(0.7);
    tone.amplitude = 0.08; // RMS 0.057: quieter speech, a smaller opening
    run(0.5);
    expect(out.visemes[VisemeIndex.aa]).toBeGreaterThan(0.1);
    expect(out.visemes[VisemeIndex.aa]).toBeLessThan(0.4);
    tone.amplitude = 0;
    expect(run(0.5)).toBe(0);
  });

  it("drives PuppetDriver's mouth only while the operator's face is lost", () => {
    const tone = new ToneSource();
    tone.amplitude = 0.3;
    const puppet = new PuppetDriver({ fallbackMouth: new OperatorVoiceLipsync(tone) });
    const frame = createOperatorFaceFrame();
    const out = createFaceFrame(true);
    for (let n = 0; n < 120; n++) {
      if (n % 2 === 0) {
        frame.seq = n / 2;
        frame.timestampMs = Math.round((n / 60) * 1000);
        frame.tracked = n < 60; // the face leaves the camera after 1 s; the voice goes on
        puppet.push(frame, n / 60 + 0.02);
      }
      resetFaceFrame(out);
      puppet.update(n / 60, DT, out);
      if (n === 50) expect(out.visemes[VisemeIndex.aa]).toBeLessThan(0.05); // closed-mouth operator wins
    }
    expect(puppet.state).toBe('lost');
    expect(out.visemes[VisemeIndex.aa]).toBeGreaterThan(0.6); // the voice opens the mouth
  });
});
