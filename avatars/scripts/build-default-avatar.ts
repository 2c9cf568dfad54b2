/**
 * Builds the Digital Human SDK's default VRM 1.0 avatar from code: geometry, skin, morph targets, procedurally
 * painted textures, MToon materials and the VRMC_vrm extension, written with our own GLB writer.
 * Deterministic: the same sources (and the same default/thumbnail.png, which is embedded) give the same bytes.
 *
 * Run: pnpm --filter @digital-human/avatars build:avatar
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hex, Raster } from './lib/Raster';
import { assembleAvatar } from './model/assemble';

const outDir = resolve(import.meta.dirname, '../default');
const thumbnailPath = resolve(outDir, 'thumbnail.png');
const thumbnail = existsSync(thumbnailPath)
  ? readFileSync(thumbnailPath)
  : new Raster(64, 64).paint(() => hex('#1d2b52')).toPng();
const glb = assembleAvatar(thumbnail);
writeFileSync(resolve(outDir, 'assistant.vrm'), glb);
console.log(`assistant.vrm: ${(glb.length / 1024).toFixed(1)} KiB`);
