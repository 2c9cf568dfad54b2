import { inflateSync } from 'node:zlib';

/** Decoded pixels: RGBA8, rows top to bottom. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Paeth predictor of the PNG spec. */
export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes one row's PNG filter in place (`row` and `previous` hold raw filtered / reconstructed bytes). */
function unfilterRow(filter: number, row: Uint8Array, previous: Uint8Array | null, bpp: number): void {
  for (let x = 0; x < row.length; x++) {
    const a = x >= bpp ? row[x - bpp]! : 0;
    const b = previous ? previous[x]! : 0;
    const c = previous && x >= bpp ? previous[x - bpp]! : 0;
    let predicted = 0;
    if (filter === 1) predicted = a;
    else if (filter === 2) predicted = b;
    else if (filter === 3) predicted = (a + b) >> 1;
    else if (filter === 4) predicted = paeth(a, b, c);
    else if (filter !== 0) throw new Error(`decodePng: unknown filter ${filter}`);
    row[x] = (row[x]! + predicted) & 0xff;
  }
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what our encoder and Chromium's screenshots write). */
export function decodePng(png: Uint8Array): Pixels {
  const file = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (file.toString('latin1', 1, 4) !== 'PNG') throw new Error('decodePng: not a PNG file');
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colorType = 0;
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
      if (data[8] !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) {
        throw new Error('decodePng: only 8-bit non-interlaced RGB/RGBA is supported');
      }
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rgba = new Uint8Array(width * height * 4);
  let previous: Uint8Array | null = null;
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const row = Uint8Array.from(raw.subarray(start + 1, start + 1 + stride));
    unfilterRow(raw[start]!, row, previous, bpp);
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) rgba[(y * width + x) * 4 + c] = c < bpp ? row[x * bpp + c]! : 255;
    }
    previous = row;
  }
  return { width, height, rgba };
}

/** Halves an image with a 2x2 box filter (odd trailing rows and columns are dropped). */
export function halve({ width, height, rgba }: Pixels): Pixels {
  const w = width >> 1;
  const h = height >> 1;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (dy: number, dx: number) => rgba[((2 * y + dy) * width + 2 * x + dx) * 4 + c]!;
        out[(y * w + x) * 4 + c] = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1) + 2) >> 2;
      }
    }
  }
  return { width: w, height: h, rgba: out };
}
