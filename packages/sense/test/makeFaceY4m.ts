// Writes a Y4M test video from the fixture face photos, for Chromium's fake camera
// (`--use-file-for-fake-video-capture=<file>`): each photo is shown for `secondsPerPhoto`, in turn, and Chromium loops
// the file. The video goes into a temporary folder, never into the repository.
//
// As a script: `npx tsx packages/sense/test/makeFaceY4m.ts [outDir]` prints the file's path.
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

/** The fixture photos, neutral first. */
export const FACE_PHOTOS = ['face_neutral_pexels.jpeg', 'face_smile_astronaut.png'] as const;

/** What the fake-camera e2e tests need from the fixtures: the face model and the photos. */
export const FACE_E2E_FIXTURES = ['face_landmarker.task', ...FACE_PHOTOS] as const;

/** Whether `fixturesDir` holds {@link FACE_E2E_FIXTURES}; when not, warns that `test` is skipped. */
export function hasFaceFixtures(fixturesDir: string, test: string): boolean {
  const present = fixturesDir !== '' && FACE_E2E_FIXTURES.every((f) => existsSync(join(fixturesDir, f)));
  if (!present) console.warn(`${test} skipped: fixtures (${FACE_E2E_FIXTURES.join(', ')}) not found`);
  return present;
}

/** Options of {@link makeFaceY4m}. */
export interface FaceY4mOptions {
  /** The fixtures folder holding the photos. */
  fixturesDir: string;
  /** Where to write (default: a new folder under the OS temp dir). Refused inside the repository. */
  outDir?: string;
  width?: number;
  height?: number;
  fps?: number;
  secondsPerPhoto?: number;
  photos?: readonly string[];
}

/** A written test video. */
export interface FaceY4m {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Frames per photo; the photos follow each other in `photos` order, then the file loops. */
  readonly framesPerPhoto: number;
  readonly photos: readonly string[];
  /** Deletes the folder it created (nothing when `outDir` was given). */
  dispose(): Promise<void>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Decodes each photo in Chromium and letterboxes it on mid-grey into width×height RGBA. */
async function rasterize(files: readonly string[], width: number, height: number): Promise<Uint8Array[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  try {
    const page = await browser.newPage();
    const frames: Uint8Array[] = [];
    for (const file of files) {
      const mime = extname(file) === '.png' ? 'image/png' : 'image/jpeg';
      const dataUrl = `data:${mime};base64,${(await readFile(file)).toString('base64')}`;
      const base64 = await page.evaluate(
        async ([url, w, h]) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = w;
          canvas.height = h;
          const g = canvas.getContext('2d')!;
          g.fillStyle = '#808080';
          g.fillRect(0, 0, w, h);
          const scale = Math.min(w / img.naturalWidth, h / img.naturalHeight);
          const dw = img.naturalWidth * scale;
          const dh = img.naturalHeight * scale;
          g.drawImage(img, (w - dw) / 2, (h - dh) / 2, dw, dh);
          const rgba = g.getImageData(0, 0, w, h).data;
          let s = '';
          for (let i = 0; i < rgba.length; i += 0x8000)
            s += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
          return btoa(s);
        },
        [dataUrl, width, height] as const,
      );
      frames.push(new Uint8Array(Buffer.from(base64, 'base64')));
    }
    return frames;
  } finally {
    await browser.close();
  }
}

/** RGBA → planar 4:2:0 YCbCr, full range (BT.601, Y4M `C420jpeg`). */
export function rgbaToI420(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const cw = width >> 1;
  const ch = height >> 1;
  const out = new Uint8Array(width * height + 2 * cw * ch);
  for (let i = 0; i < width * height; i++) {
    const r = rgba[i * 4]!;
    const g = rgba[i * 4 + 1]!;
    const b = rgba[i * 4 + 2]!;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  const u0 = width * height;
  const v0 = u0 + cw * ch;
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((2 * y + dy) * width + 2 * x + dx) * 4;
        r += rgba[p]!;
        g += rgba[p + 1]!;
        b += rgba[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
      out[u0 + y * cw + x] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      out[v0 + y * cw + x] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  return out;
}

/** Writes the test video; see the file comment. */
export async function makeFaceY4m(options: FaceY4mOptions): Promise<FaceY4m> {
  const { width = 480, height = 360, fps = 30, secondsPerPhoto = 1, photos = FACE_PHOTOS } = options;
  if (width % 2 || height % 2) throw new Error('makeFaceY4m: width and height must be even');
  const files = photos.map((p) => join(options.fixturesDir, p));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`makeFaceY4m: fixtures missing: ${missing.join(', ')}`);
  const created = options.outDir === undefined;
  const dir = resolve(options.outDir ?? (await mkdtemp(join(tmpdir(), 'dh-face-y4m-'))));
  if (!relative(repoRoot, dir).startsWith('..')) {
    throw new Error(`makeFaceY4m: refusing to write test video inside the repository (${dir})`);
  }
  const planes = (await rasterize(files, width, height)).map((rgba) => rgbaToI420(rgba, width, height));
  const path = join(dir, 'faces.y4m');
  const framesPerPhoto = Math.max(1, Math.round(secondsPerPhoto * fps));
  const handle = await open(path, 'w');
  try {
    await handle.write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    const frameHeader = Buffer.from('FRAME\n');
    for (const plane of planes) {
      for (let n = 0; n < framesPerPhoto; n++) await handle.write(Buffer.concat([frameHeader, plane]));
    }
  } finally {
    await handle.close();
  }
  return {
    path,
    width,
    height,
    fps,
    framesPerPhoto,
    photos,
    dispose: () => (created ? rm(dir, { recursive: true, force: true }) : Promise.resolve()),
  };
}

// Script entry: `npx tsx packages/sense/test/makeFaceY4m.ts [outDir]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fixturesDir = resolve(repoRoot, '../shared/fixtures');
  makeFaceY4m({ fixturesDir, ...(process.argv[2] ? { outDir: process.argv[2] } : {}) }).then(
    (video) => process.stdout.write(`${video.path}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
