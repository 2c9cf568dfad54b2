// Low-end phones: a fixed low tier for the avatar, and the camera at its cheapest.
import { type QualitySettings, resolveQuality } from '@digital-human/avatar';
import { DigitalHuman } from '@digital-human/react';
import { CameraSense, senseAssetUrls } from '@digital-human/sense';

/** Your page's own output (a status line, your logger). */
declare function show(...parts: unknown[]): void;

// What `auto` would choose on this device, e.g. for your analytics.
const tier: QualitySettings = resolveQuality('auto');
show(
  `avatar tier ${tier.tier}: ≤${tier.maxPixelRatio}× pixels, outlines ${tier.outlines}, ${tier.maxFps || 'display'} fps`,
);

// Force the low tier (pixel ratio 1, no outlines, no antialiasing, 30 fps) for a known weak device list.
export const avatar = (
  <DigitalHuman src="/avatars/assistant.vrm" portrait="/avatars/thumbnail.png" quality="low" />
);

// The camera at 320×240 and at most 10 frames a second, using at most a third of the time.
export const sense = new CameraSense({
  tracker: senseAssetUrls(),
  quality: 'low',
  maxFps: 10,
  maxBusy: 0.33,
});
