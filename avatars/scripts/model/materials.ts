import type { JsonObject } from '../lib/GltfBuilder';
import { hex } from '../lib/Raster';
import { PALETTE } from './palette';

/** sRGB 0..1 to linear, for glTF colour factors. */
function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function factor(colour: string): number[] {
  // Six significant digits: far below an 8-bit step, and a shorter JSON chunk.
  return hex(colour)
    .slice(0, 3)
    .map((c) => Number(linear(c).toPrecision(6)));
}

/** One material: a lit colour (or texture tinted white), its shade colour and MToon options. */
interface MaterialSpec {
  readonly texture?: string;
  readonly base: string;
  readonly shade: string;
  readonly doubleSided?: boolean;
  readonly outline?: number;
  readonly toony?: number;
  readonly shift?: number;
  readonly rim?: number;
}

/** Every material of the avatar, keyed by the names MeshParts use. */
export const MATERIALS: Readonly<Record<string, MaterialSpec>> = {
  skin: { texture: 'face', base: '#ffffff', shade: '#f0c6c0', shift: -0.25, toony: 0.85 },
  neck: { texture: 'neck', base: '#ffffff', shade: '#f0c6c0', toony: 0.85, shift: -0.15 },
  bodySkin: { base: PALETTE.skin, shade: PALETTE.skinShade, toony: 0.85, shift: -0.15 },
  eye: { texture: 'eye', base: '#ffffff', shade: '#e8e0e6', shift: -0.6, toony: 0.9 },
  mouth: { base: PALETTE.mouth, shade: '#3a1218', doubleSided: true },
  teeth: { base: PALETTE.teeth, shade: '#d8d0cc', shift: -0.4 },
  tongue: { base: PALETTE.tongue, shade: '#9c4450' },
  hair: { texture: 'hair', base: '#ffffff', shade: '#9a8aa0', doubleSided: true, outline: 0.0009, rim: 0.25 },
  blazer: { texture: 'blazer', base: '#ffffff', shade: '#6a72a0', outline: 0.0008, rim: 0.06 },
  shirt: { base: PALETTE.shirt, shade: PALETTE.shirtShade, doubleSided: true, outline: 0.0006 },
  scarf: { base: PALETTE.scarf, shade: PALETTE.scarfShade, shift: -0.3 },
  trousers: { base: PALETTE.navy, shade: PALETTE.navyShade, outline: 0.0008 },
  shoes: { base: PALETTE.shoes, shade: '#050507', outline: 0.0008 },
};

/** A glTF material with a VRMC_materials_mtoon extension (base texture reused as shade multiply texture). */
export function gltfMaterial(name: string, textureIndex: (key: string) => number): JsonObject {
  const spec = MATERIALS[name];
  if (!spec) throw new Error(`materials: unknown material ${name}`);
  const texture = spec.texture === undefined ? undefined : { index: textureIndex(spec.texture) };
  const base = factor(spec.base);
  const pbr: JsonObject = { baseColorFactor: [...base, 1], metallicFactor: 0, roughnessFactor: 1 };
  if (texture) pbr.baseColorTexture = texture;
  const mtoon: JsonObject = {
    specVersion: '1.0',
    shadeColorFactor: factor(spec.shade),
    shadingShiftFactor: spec.shift ?? -0.1,
    shadingToonyFactor: spec.toony ?? 0.9,
    giEqualizationFactor: 0.9,
    matcapFactor: [0, 0, 0],
    parametricRimColorFactor: [spec.rim ?? 0, spec.rim ?? 0, spec.rim ?? 0],
    parametricRimFresnelPowerFactor: 4,
    parametricRimLiftFactor: 0,
    rimLightingMixFactor: 1,
    outlineWidthMode: spec.outline ? 'worldCoordinates' : 'none',
    outlineWidthFactor: spec.outline ?? 0,
    outlineColorFactor: factor('#1a1420'),
    outlineLightingMixFactor: 1,
  };
  if (texture) mtoon.shadeMultiplyTexture = texture;
  return {
    name,
    pbrMetallicRoughness: pbr,
    doubleSided: spec.doubleSided ?? false,
    alphaMode: 'OPAQUE',
    extensions: { VRMC_materials_mtoon: mtoon },
  };
}
