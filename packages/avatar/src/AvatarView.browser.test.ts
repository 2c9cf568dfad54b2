import { createFaceFrame, EmotionIndex, type FaceFrame, VisemeIndex } from '@digital-human/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { coverage, diff, greenRed, projectToPixels, readPixels, shot } from '../test/pixels';
import { AvatarView } from './AvatarView';

const fixturesUrl = inject('fixturesUrl');
const BG: [number, number, number] = [32, 96, 160];
let view: AvatarView | null = null;

function makeView(frame: FaceFrame, preserve = false): AvatarView {
  const container = document.createElement('div');
  container.style.cssText = 'width:400px;height:400px';
  document.body.appendChild(container);
  view = new AvatarView({
    container,
    quality: 'high',
    background: `rgb(${BG.join(',')})`,
    frameSource: { update: () => frame },
    autoStart: false,
    preserveDrawingBuffer: preserve,
  });
  return view;
}

afterEach(() => {
  view?.dispose();
  view = null;
  document.body.innerHTML = '';
});

/** The project's own avatar, served from the repository root when it has been built. */
const DEFAULT_AVATAR = '/avatars/default/assistant.vrm';
const hasDefaultAvatar = (await fetch(DEFAULT_AVATAR, { method: 'HEAD' })).ok;

const models = [
  { name: 'godette', url: `${fixturesUrl}godette_vrm0.vrm`, version: '0', present: !!fixturesUrl },
  { name: 'default', url: DEFAULT_AVATAR, version: '1', present: hasDefaultAvatar },
] as const;

describe.each(models)('AvatarView with the $name avatar', ({ name, url, version, present }) => {
  it.skipIf(!present)('shows the face, opens the mouth for aa and closes the eyes for blink', async () => {
    const frame = createFaceFrame();
    const v = makeView(frame, true);
    const loaded = await v.load(url);
    expect(loaded?.version).toBe(version);
    const renderer = v.renderer;
    if (!renderer || !loaded) throw new Error('no renderer');
    v.renderOnce();
    const neutral = readPixels(renderer);
    shot(`${name}-neutral`, v.canvas);
    const head = loaded.vrm.humanoid.getNormalizedBoneNode('head');
    if (!head) throw new Error('no head');
    const h = projectToPixels(head, v.scene.camera, neutral);
    const faceCoverage = coverage(neutral, h.x, h.y + neutral.height * 0.12, neutral.height * 0.08, BG);
    const cornerCoverage = coverage(neutral, 20, neutral.height - 20, 15, BG);
    expect(faceCoverage).toBeGreaterThan(0.9);
    expect(cornerCoverage).toBe(0);

    frame.visemes[VisemeIndex.aa] = 1;
    v.renderOnce();
    const mouth = diff(neutral, readPixels(renderer));
    shot(`${name}-aa`, v.canvas);
    frame.visemes[VisemeIndex.aa] = 0;
    frame.blinkLeft = 1;
    frame.blinkRight = 1;
    v.renderOnce();
    const eyes = diff(neutral, readPixels(renderer));
    shot(`${name}-blink`, v.canvas);
    console.info(name, { h, faceCoverage, mouth, eyes, size: [neutral.width, neutral.height] });
    expect(mouth.count).toBeGreaterThan(50);
    expect(eyes.count).toBeGreaterThan(50);
    // Both changes are on the face, and the eyes sit above the mouth.
    expect(Math.abs(mouth.x - h.x)).toBeLessThan(neutral.width * 0.1);
    expect(Math.abs(eyes.x - h.x)).toBeLessThan(neutral.width * 0.1);
    expect(eyes.y).toBeGreaterThan(mouth.y);
    // The head bone sits at the skull base; big-headed (chibi) mouths are close to its height.
    expect(mouth.y).toBeGreaterThan(h.y - neutral.height * 0.02);
  });
});

describe.skipIf(!fixturesUrl)('AvatarView with the VRM 1.0 isBinary/overrides test rig (fixtures)', () => {
  it('shows the PASS state: happy (binary) suppresses blink', async () => {
    const frame = createFaceFrame();
    frame.emotions[EmotionIndex.happy] = 1;
    frame.blinkLeft = 1;
    frame.blinkRight = 1;
    const v = makeView(frame, true);
    const loaded = await v.load(`${fixturesUrl}vrmc_isbinary_overrides_vrm1.vrm`);
    expect(loaded?.version).toBe('1');
    const renderer = v.renderer;
    if (!renderer) throw new Error('no renderer');
    v.renderOnce();
    const counts = greenRed(readPixels(renderer));
    shot('vrm1-rig-pass', v.canvas);
    console.info('vrm1 rig', counts);
    expect(counts.green).toBeGreaterThan(counts.red * 4);
  });
});
