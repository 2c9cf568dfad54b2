import { type LocalTrackPublication, Track } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { OperatorVoice, type OperatorVoiceParticipant } from './OperatorVoice';
import { OperatorVoiceChain } from './OperatorVoiceChain';
import { semitonesToRatio } from './operatorVoiceWorklet';

const RATE = 48_000;

/** Renders `seconds` of a `hz` sine through the chain in an OfflineAudioContext; returns the samples. */
async function renderTone(hz: number, seconds: number, semitones: number, gain = 1): Promise<Float32Array> {
  const context = new OfflineAudioContext(1, Math.round(RATE * seconds), RATE);
  const chain = await OperatorVoiceChain.create(context, { pitchSemitones: semitones, gain });
  const tone = new OscillatorNode(context, { frequency: hz });
  tone.connect(chain.input);
  chain.output.connect(context.destination);
  tone.start();
  const rendered = await context.startRendering();
  return rendered.getChannelData(0);
}

/** Frequency from rising zero crossings (linear interpolation), over `samples` from `from` seconds on. */
function measureHz(samples: Float32Array, from: number): number {
  const crossings: number[] = [];
  for (let i = Math.round(from * RATE) + 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  if (crossings.length < 2) return 0;
  return ((crossings.length - 1) * RATE) / (crossings.at(-1)! - crossings[0]!);
}

function rms(samples: Float32Array, from: number): number {
  let sum = 0;
  const start = Math.round(from * RATE);
  for (let i = start; i < samples.length; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (samples.length - start));
}

describe('OperatorVoiceChain (OfflineAudioContext)', () => {
  it('shifts a 200 Hz tone by +3 semitones to ≈ 238 Hz', async () => {
    const hz = measureHz(await renderTone(200, 1, 3), 0.1);
    console.info(
      `pitch shifter: 200 Hz +3 st → ${hz.toFixed(2)} Hz (ideal ${(200 * semitonesToRatio(3)).toFixed(2)})`,
    );
    expect(hz).toBeGreaterThan(236);
    expect(hz).toBeLessThan(240);
  });

  it('shifts down as well (-5 semitones of 300 Hz ≈ 225 Hz) and passes through at 0', async () => {
    expect(measureHz(await renderTone(300, 1, -5), 0.1)).toBeCloseTo(300 * semitonesToRatio(-5), 0);
    // A frequency whose period does not divide the shifter's window: the two taps are out of phase, and still.
    expect(measureHz(await renderTone(173, 1, 4), 0.1)).toBeCloseTo(173 * semitonesToRatio(4), 0);
    const dry = await renderTone(200, 0.5, 0);
    expect(measureHz(dry, 0.05)).toBeCloseTo(200, 1);
  });

  it('holds the pitch for voice-range tones whose period does not fit the window (no lost cycles)', async () => {
    const cases: [number, number][] = [
      [110, 3],
      [147, -4],
      [262, 2],
      [95, 5],
    ];
    for (const [hz, semitones] of cases) {
      const measured = measureHz(await renderTone(hz, 1, semitones), 0.1);
      expect(measured, `${hz} Hz ${semitones} st`).toBeCloseTo(hz * semitonesToRatio(semitones), 0);
    }
  });

  it('keeps the level while shifting, and applies the gain', async () => {
    const unity = rms(await renderTone(200, 0.6, 3), 0.1);
    const half = rms(await renderTone(200, 0.6, 3, 0.5), 0.1);
    expect(unity).toBeGreaterThan(0.6); // a unit sine is 0.707 RMS
    expect(unity).toBeLessThan(0.8);
    expect(half / unity).toBeCloseTo(0.5, 2);
  });

  it('exposes gain and pitch as parameters and refuses nonsense', async () => {
    const context = new OfflineAudioContext(1, RATE, RATE);
    const chain = await OperatorVoiceChain.create(context, { pitchSemitones: 2, gain: 0.8 });
    expect(chain.gain).toBeCloseTo(0.8, 5);
    expect(chain.pitchSemitones).toBe(2);
    expect(chain.input.parameters.get('pitchRatio')!.value).toBeCloseTo(semitonesToRatio(2), 5);
    chain.setPitch(-4);
    expect(chain.pitchSemitones).toBe(-4);
    expect(() => chain.setPitch(30)).toThrow(/semitones/);
    expect(() => chain.setGain(-1)).toThrow(/gain/);
    chain.dispose();
  });
});

describe('OperatorVoice (fake microphone)', () => {
  it('publishes one processed audio track and stops everything on dispose', async () => {
    const voice = await OperatorVoice.start({ pitchSemitones: 3, gain: 1.2 });
    expect(voice.track.kind).toBe('audio');
    expect(voice.track.readyState).toBe('live');
    const published: { track: unknown; name: string | undefined; source: string | undefined }[] = [];
    const unpublished: unknown[] = [];
    const participant = {
      publishTrack: async (track: MediaStreamTrack, options?: { name?: string; source?: string }) => {
        published.push({ track, name: options?.name, source: options?.source });
        return { track: { mediaStreamTrack: track } } as unknown as LocalTrackPublication;
      },
      unpublishTrack: async (track: unknown) => {
        unpublished.push(track);
        return undefined;
      },
    } as unknown as OperatorVoiceParticipant;
    await voice.publish(participant);
    expect(published).toHaveLength(1);
    expect(published[0]!.track).toBe(voice.track);
    expect(published[0]!.name).toBe('operator-voice');
    // The operator's grants allow the microphone source only: that is the default.
    expect(published[0]!.source).toBe(Track.Source.Microphone);
    await voice.unpublish();
    await voice.publish(participant, { name: 'desk', source: Track.Source.ScreenShareAudio });
    expect(published[1]).toMatchObject({ name: 'desk', source: 'screen_share_audio' });
    voice.setPitch(1);
    expect(voice.chain.pitchSemitones).toBe(1);
    await voice.dispose();
    expect(unpublished).toHaveLength(2);
    expect(voice.track.readyState).toBe('ended');
  });

  it('fails with mic_unavailable when the microphone is refused', async () => {
    const refused = OperatorVoice.start({
      openMicrophone: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    await expect(refused).rejects.toMatchObject({ code: 'mic_unavailable' });
  });
});
