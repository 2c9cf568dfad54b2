// Browser side of the operator capture e2e: OperatorCapture on Chromium's fake camera (a Y4M of the fixture faces),
// every emitted frame decoded from its bytes, as the customer's browser would.
import { ArkitIndex } from '@digital-human/core';
import { createOperatorFaceFrame, decodeFaceFrameInto } from '@digital-human/protocol';
import { OperatorCapture } from '../../src';
import type { OperatorLog, OperatorPageApi } from './operatorApi';

// Served from this package's own node_modules (no CDN).
const WASM = new URL('../../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;

const log: OperatorLog = { frames: [], status: [], errors: [], camera: null };
const decoded = createOperatorFaceFrame();
let capture: OperatorCapture | undefined;

const api: OperatorPageApi = {
  log,
  async start(modelUrl) {
    capture = new OperatorCapture({ tracker: { wasmBaseUrl: WASM, modelUrl } });
    capture.on('status', (s) => log.status.push(s));
    capture.on('error', (e) => log.errors.push(e.message));
    capture.on('frame', ({ bytes }) => {
      const error = decodeFaceFrameInto(bytes, decoded);
      if (error) {
        log.errors.push(error.message);
        return;
      }
      const b = decoded.blendshapes;
      log.frames.push({
        seq: decoded.seq,
        timestampMs: decoded.timestampMs,
        bytes: bytes.length,
        tracked: decoded.tracked,
        jawOpen: b[ArkitIndex.jawOpen]!,
        smile: (b[ArkitIndex.mouthSmileLeft]! + b[ArkitIndex.mouthSmileRight]!) / 2,
        headYaw: decoded.headYaw,
      });
    });
    await capture.start();
    const settings = capture.stream?.getVideoTracks()[0]?.getSettings();
    log.camera = settings ? { width: settings.width ?? 0, height: settings.height ?? 0 } : null;
  },
  stats() {
    return capture ? { ...capture.stats, offThread: capture.offThread } : null;
  },
  dispose() {
    capture?.dispose();
  },
};

window.operatorE2E = api;
