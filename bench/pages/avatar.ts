// Runs in Chromium, driven by bench/avatar.bench.mjs. Measures, for one VRM per call:
// - time to first frame (fetch + parse + first render, synchronised with a 1-pixel read-back);
// - per-frame CPU of our drivers + mixer + applyFaceFrame + vrm.update, against a bare vrm.update of the same model
//   in the same page (interleaved blocks, median of block means).
import { AvatarView, applyFaceFrame, createFaceMapping } from '@digital-human/avatar';
import { createSeededRandom, EmotionDriver, IdleDriver, Mixer } from '@digital-human/core';

interface AvatarBenchResult {
  url: string;
  firstFrameMs: number;
  bareUpdateUs: number;
  oursUs: number;
  ratio: number;
}

const BLOCKS = 15;
const FRAMES = 120;
const DT = 1 / 60;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function measure(url: string): Promise<AvatarBenchResult> {
  const host = document.getElementById('host')!;
  const view = new AvatarView({ container: host, autoStart: false, quality: 'high' });
  const gl = view.renderer!.getContext();
  const pixel = new Uint8Array(4);
  const t0 = performance.now();
  const loaded = await view.load(url);
  view.renderOnce();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const firstFrameMs = performance.now() - t0;

  const vrm = loaded!.vrm;
  const mapping = createFaceMapping(vrm);
  const mixer = new Mixer();
  mixer.addDriver(new IdleDriver({ random: createSeededRandom(7) }));
  const emotion = new EmotionDriver();
  mixer.addDriver(emotion);
  emotion.cue({ emotion: 'happy', intensity: 0.6, durationMs: 1e9 });
  let time = 0;
  const bare: number[] = [];
  const ours: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    let start = performance.now();
    for (let i = 0; i < FRAMES; i++) vrm.update(DT);
    bare.push((performance.now() - start) / FRAMES);
    start = performance.now();
    for (let i = 0; i < FRAMES; i++) {
      time += DT;
      applyFaceFrame(vrm, mixer.update(time, DT), mapping);
      vrm.update(DT);
    }
    ours.push((performance.now() - start) / FRAMES);
  }
  mixer.dispose();
  view.dispose();
  const bareUpdateUs = median(bare) * 1000;
  const oursUs = median(ours) * 1000;
  return { url, firstFrameMs, bareUpdateUs, oursUs, ratio: oursUs / bareUpdateUs };
}

declare global {
  interface Window {
    measureAvatar: (url: string) => Promise<AvatarBenchResult>;
  }
}
window.measureAvatar = measure;
document.title = 'ready';
