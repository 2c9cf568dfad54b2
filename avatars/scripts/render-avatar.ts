/**
 * Renders the default avatar in headless Chromium (three + three-vrm, MToon).
 *   tsx scripts/render-avatar.ts thumbnail   -> default/thumbnail.png (512x512 bust portrait)
 *   tsx scripts/render-avatar.ts [outDir]    -> a contact set of poses and expressions (default /tmp/avatar-shots)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPreview } from './lib/previewPage';
import type { ShotOptions } from './page/pageApi';

const defaultDir = resolve(import.meta.dirname, '../default');
const arg = process.argv[2] ?? '/tmp/avatar-shots';
const preview = await openPreview(resolve(defaultDir, 'assistant.vrm'));
try {
  if (arg === 'thumbnail') {
    const png = await preview.shot({
      size: 512,
      expressions: { happy: 0.4 },
      camera: [0, 1.5, 0.8],
      target: [0, 1.475, 0],
      headRoll: -0.04,
      lookAt: [0, 1.5, 0.8],
    });
    writeFileSync(resolve(defaultDir, 'thumbnail.png'), png);
    console.log('thumbnail.png written');
  } else {
    mkdirSync(arg, { recursive: true });
    const shots: Record<string, ShotOptions> = {
      neutral: {},
      aa: { expressions: { aa: 1 } },
      ih: { expressions: { ih: 1 } },
      ou: { expressions: { ou: 1 } },
      ee: { expressions: { ee: 1 } },
      oh: { expressions: { oh: 1 } },
      pp: { expressions: { viseme_PP: 1 } },
      ff: { expressions: { viseme_FF: 1 } },
      happy: { expressions: { happy: 1 } },
      angry: { expressions: { angry: 1 } },
      sad: { expressions: { sad: 1 } },
      relaxed: { expressions: { relaxed: 1 } },
      surprised: { expressions: { surprised: 1 } },
      blink: { expressions: { blink: 1 } },
      winkL: { expressions: { blinkLeft: 1 } },
      lookLeft: { lookAt: [2, 1.55, 1.5] },
      lookUp: { lookAt: [0, 3, 1.5] },
      turned: { headYaw: 0.5, headPitch: 0.15 },
      nod: { headPitch: 0.35, camera: [0.7, 1.5, 0.7] },
      threeQuarter: { size: 768, camera: [0.25, 1.52, 0.75], target: [0, 1.5, 0] },
      back: { camera: [-0.3, 1.55, -0.8], target: [0, 1.52, 0] },
      tilt: { headRoll: 0.25, headYaw: -0.3 },
      lean: { chestPitch: 0.3, camera: [0.8, 1.35, 1.0], target: [0, 1.35, 0] },
      side: { camera: [0.95, 1.5, 0.2], target: [0, 1.47, 0] },
      full: { camera: [0, 1.0, 4.2], target: [0, 0.85, 0], fov: 30 },
      tpose: { camera: [0, 1.0, 4.2], target: [0, 0.85, 0], fov: 30, armsDown: 0 },
      faceClose: { camera: [0, 1.54, 0.42], target: [0, 1.54, 0], size: 512 },
      mouthClose: { camera: [0, 1.5, 0.3], target: [0, 1.49, 0], size: 512 },
      mouthAa: { camera: [0, 1.5, 0.3], target: [0, 1.49, 0], size: 512, expressions: { aa: 1 } },
      mouthOu: { camera: [0.05, 1.49, 0.3], target: [0, 1.485, 0], size: 512, expressions: { ou: 1 } },
    };
    for (const [name, options] of Object.entries(shots)) {
      writeFileSync(resolve(arg, `${name}.png`), await preview.shot({ size: 384, ...options }));
    }
    console.log(`${Object.keys(shots).length} shots in ${arg}`);
  }
} finally {
  await preview.close();
}
