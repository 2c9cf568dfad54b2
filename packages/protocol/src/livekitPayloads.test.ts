import { describe, expect, it } from 'vitest';
import { decodePlaybackFinished, encodePlaybackFinished, LiveKitAvatar, Topic, topicFor } from './index';

describe('LiveKit avatar convention', () => {
  it('uses the convention names', () => {
    expect(LiveKitAvatar).toMatchObject({
      audioStream: 'lk.audio_stream',
      clearBuffer: 'lk.clear_buffer',
      playbackStarted: 'lk.playback_started',
      playbackFinished: 'lk.playback_finished',
      transcription: 'lk.transcription',
    });
  });

  it('round-trips lk.playback_finished payloads in snake_case', () => {
    const text = encodePlaybackFinished(1.25, true);
    expect(JSON.parse(text)).toEqual({ playback_position: 1.25, interrupted: true });
    expect(decodePlaybackFinished(text)).toEqual({
      ok: true,
      value: { playback_position: 1.25, interrupted: true },
    });
    expect(JSON.parse(encodePlaybackFinished(Number.NaN, false)).playback_position).toBe(0);
  });

  it.each([
    ['{', 'malformed'],
    ['[]', 'malformed'],
    ['{"playback_position":-1,"interrupted":false}', 'invalid'],
    ['{"playback_position":1}', 'invalid'],
    [`{"x":"${'a'.repeat(2000)}"}`, 'too-large'],
  ])('refuses %s', (payload, code) => {
    const r = decodePlaybackFinished(payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('maps every message family to its topic', () => {
    expect(topicFor('ui.card')).toBe(Topic.ui);
    expect(topicFor('speech.visemes')).toBe(Topic.speech);
    expect(topicFor('handoff.take_over')).toBe(Topic.handoff);
    expect(topicFor('operator.face')).toBe(Topic.face);
    expect(topicFor('user.text')).toBe(Topic.user);
    expect(topicFor('hello')).toBe(Topic.control);
    expect(topicFor('emotion.cue')).toBe(Topic.emotion);
    expect(topicFor('dialog.state')).toBe(Topic.dialog);
  });
});
