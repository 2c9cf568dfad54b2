import { LipsyncError } from '../LipsyncError';

/** Decoded mono audio. */
export interface DecodedAudio {
  pcm: Float32Array;
  sampleRate: number;
}

/**
 * Decodes a RIFF/WAVE file (PCM 16-bit or IEEE float 32-bit, any channel count: channels are averaged to mono).
 * Isomorphic (no Web Audio), for tests, benches and Node services. Throws {@link LipsyncError} on other formats.
 */
export function decodeWav(bytes: ArrayBuffer | Uint8Array): DecodedAudio {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number) => String.fromCharCode(buf[at]!, buf[at + 1]!, buf[at + 2]!, buf[at + 3]!);
  if (buf.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw LipsyncError.badArgument('not a WAV file');
  let format = 0;
  let channels = 1;
  let sampleRate = 0;
  let bits = 0;
  for (let at = 12; at + 8 <= buf.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      const frames = Math.floor(Math.min(size, buf.byteLength - body) / ((bits / 8) * channels));
      const pcm = new Float32Array(frames);
      const read =
        format === 1 && bits === 16
          ? (i: number) => view.getInt16(body + i * 2, true) / 32768
          : format === 3 && bits === 32
            ? (i: number) => view.getFloat32(body + i * 4, true)
            : null;
      if (!read) throw LipsyncError.badArgument(`unsupported WAV format ${format}/${bits}-bit`);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) sum += read(f * channels + c);
        pcm[f] = sum / channels;
      }
      return { pcm, sampleRate };
    }
    at = body + size + (size & 1);
  }
  throw LipsyncError.badArgument('WAV file has no data chunk');
}
