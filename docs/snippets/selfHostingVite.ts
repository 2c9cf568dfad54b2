// vite.config.ts of a bank's app: every file the SDK loads at run time is served by the app itself.
import { lipsyncAssets } from '@digital-human/lipsync/vite';
import { senseAssets } from '@digital-human/sense/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    // MediaPipe's wasm files (from the installed @mediapipe/tasks-vision) and your copy of the face model,
    // under /digital-human/sense/ in `vite dev` and in the build output.
    senseAssets({ modelPath: '/srv/models/face_landmarker.task' }),
    // The audio → viseme model and onnxruntime-web's wasm, under /digital-human/lipsync/.
    lipsyncAssets(),
  ],
  // Module workers keep code splitting (the local transport's dialog worker).
  worker: { format: 'es' },
});
