import {
  type PositionGrid,
  quantizeDeltas,
  quantizeNormals,
  quantizePositions,
  quantizeUvs,
} from './quantize';

/** A loosely typed glTF JSON object (the writer owns its shape). */
export type JsonObject = { [key: string]: unknown };

const FLOAT = 5126;
const BYTE = 5120;
const SHORT = 5122;
const UNSIGNED_BYTE = 5121;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;

/** Morph displacements below this (metres, 0.02 mm) are invisible and left out of sparse targets. */
const MIN_DELTA = 2e-5;
/** The core glTF extension for integer vertex attributes; three's GLTFLoader reads it natively. */
export const MESH_QUANTIZATION = 'KHR_mesh_quantization';

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 };

function pad4(length: number): number {
  return (length + 3) & ~3;
}

/** Per-component minimum and maximum of the first `n` of every `stride` values. */
function componentBounds(
  values: ArrayLike<number>,
  n: number,
  stride: number,
): { min: number[]; max: number[] } {
  const min = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const max = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < values.length; i++) {
    const c = i % stride;
    if (c >= n) continue;
    min[c] = Math.min(min[c]!, values[i]!);
    max[c] = Math.max(max[c]!, values[i]!);
  }
  return { min, max };
}

/**
 * Minimal glTF 2.0 binary writer: one buffer, 4-byte aligned views, accessors with bounds, sparse morphs, and
 * vertex attributes quantised with KHR_mesh_quantization on one position grid (see quantize.ts).
 */
export class GltfBuilder {
  readonly json = {
    asset: { version: '2.0', generator: 'Digital Human SDK avatar builder' },
    scene: 0,
    scenes: [{ nodes: [] as number[] }],
    nodes: [] as JsonObject[],
    meshes: [] as JsonObject[],
    skins: [] as JsonObject[],
    materials: [] as JsonObject[],
    textures: [] as JsonObject[],
    images: [] as JsonObject[],
    samplers: [{ magFilter: 9729, minFilter: 9987, wrapS: 33071, wrapT: 33071 }] as JsonObject[],
    accessors: [] as JsonObject[],
    bufferViews: [] as JsonObject[],
    buffers: [{ byteLength: 0 }],
    extensionsUsed: [MESH_QUANTIZATION] as string[],
    extensionsRequired: [MESH_QUANTIZATION] as string[],
    extensions: {} as JsonObject,
  };
  private readonly chunks: Uint8Array[] = [];
  private byteLength = 0;

  /** `grid` dequantises every position and morph delta; fold it into the inverse bind matrices. */
  constructor(readonly grid: PositionGrid) {}

  /** Appends raw bytes as a buffer view; returns its index. */
  view(bytes: Uint8Array, target?: number, byteStride?: number): number {
    const view: JsonObject = { buffer: 0, byteOffset: this.byteLength, byteLength: bytes.byteLength };
    if (target !== undefined) view.target = target;
    if (byteStride !== undefined) view.byteStride = byteStride;
    this.chunks.push(bytes);
    const padded = pad4(bytes.byteLength);
    if (padded > bytes.byteLength) this.chunks.push(new Uint8Array(padded - bytes.byteLength));
    this.byteLength += padded;
    return this.json.bufferViews.push(view) - 1;
  }

  /** A float accessor (VEC2/VEC3/VEC4/MAT4), with min/max when `bounds` is set (required for POSITION). */
  floats(data: ArrayLike<number>, type: string, bounds = false, vertexData = true): number {
    const arr = Float32Array.from(data);
    const n = COMPONENTS[type]!;
    const accessor: JsonObject = {
      bufferView: this.view(new Uint8Array(arr.buffer), vertexData ? ARRAY_BUFFER : undefined),
      componentType: FLOAT,
      count: arr.length / n,
      type,
    };
    if (bounds) Object.assign(accessor, componentBounds(arr, n, n));
    return this.json.accessors.push(accessor) - 1;
  }

  /** A normalised integer vertex attribute whose elements are `stride` components apart (4-byte aligned). */
  private normalizedAttribute(
    data: Int8Array | Int16Array | Uint16Array,
    componentType: number,
    type: string,
    stride: number,
    withBounds = false,
  ): number {
    const n = COMPONENTS[type]!;
    const padded = stride !== n;
    const accessor: JsonObject = {
      bufferView: this.view(
        new Uint8Array(data.buffer),
        ARRAY_BUFFER,
        padded ? stride * data.BYTES_PER_ELEMENT : undefined,
      ),
      componentType,
      normalized: true,
      count: data.length / stride,
      type,
    };
    if (withBounds) Object.assign(accessor, componentBounds(data, n, stride));
    return this.json.accessors.push(accessor) - 1;
  }

  /** POSITION as normalised SHORT on the grid, with the required bounds (integer, as stored). */
  positions(data: ArrayLike<number>): number {
    return this.normalizedAttribute(quantizePositions(data, this.grid), SHORT, 'VEC3', 4, true);
  }

  /** NORMAL as normalised BYTE. */
  normals(data: ArrayLike<number>): number {
    return this.normalizedAttribute(quantizeNormals(data), BYTE, 'VEC3', 4);
  }

  /** TEXCOORD_0 as normalised UNSIGNED_SHORT. */
  uvs(data: ArrayLike<number>): number {
    return this.normalizedAttribute(quantizeUvs(data), UNSIGNED_SHORT, 'VEC2', 2);
  }

  /** Skin joint indices as UNSIGNED_BYTE VEC4. */
  joints(data: ArrayLike<number>): number {
    const bytes = Uint8Array.from(data);
    const bufferView = this.view(bytes, ARRAY_BUFFER);
    return (
      this.json.accessors.push({
        bufferView,
        componentType: UNSIGNED_BYTE,
        count: bytes.length / 4,
        type: 'VEC4',
      }) - 1
    );
  }

  /** Skin weights as normalised UNSIGNED_BYTE VEC4, rounded so each vertex's four still sum to exactly 255. */
  weights(data: ArrayLike<number>): number {
    const bytes = new Uint8Array(data.length);
    for (let v = 0; v < data.length; v += 4) {
      let sum = 0;
      let big = v;
      for (let k = v; k < v + 4; k++) {
        bytes[k] = Math.round(data[k]! * 255);
        sum += bytes[k]!;
        if (data[k]! > data[big]!) big = k;
      }
      bytes[big] = bytes[big]! + 255 - sum;
    }
    const bufferView = this.view(bytes, ARRAY_BUFFER);
    const count = bytes.length / 4;
    return (
      this.json.accessors.push({
        bufferView,
        componentType: UNSIGNED_BYTE,
        normalized: true,
        count,
        type: 'VEC4',
      }) - 1
    );
  }

  /** Triangle indices, 16-bit when they fit. */
  indices(data: ArrayLike<number>, vertexCount: number): number {
    const wide = vertexCount > 65535;
    const arr = wide ? Uint32Array.from(data) : Uint16Array.from(data);
    const bufferView = this.view(new Uint8Array(arr.buffer), ELEMENT_ARRAY_BUFFER);
    const componentType = wide ? UNSIGNED_INT : UNSIGNED_SHORT;
    return this.json.accessors.push({ bufferView, componentType, count: arr.length, type: 'SCALAR' }) - 1;
  }

  /**
   * A VEC3 morph delta accessor, normalised SHORT on the grid's scale, stored sparsely (only the vertices that
   * move by more than MIN_DELTA), with the required bounds.
   */
  sparseDeltas(deltas: Float32Array): number {
    const count = deltas.length / 3;
    const q = quantizeDeltas(deltas, this.grid);
    const moved: number[] = [];
    for (let i = 0; i < count; i++) {
      const far = Math.hypot(deltas[i * 3]!, deltas[i * 3 + 1]!, deltas[i * 3 + 2]!) > MIN_DELTA;
      if (far && (q[i * 3] !== 0 || q[i * 3 + 1] !== 0 || q[i * 3 + 2] !== 0)) moved.push(i);
    }
    const values = new Int16Array(moved.length * 3);
    for (const [k, v] of moved.entries()) values.set(q.subarray(v * 3, v * 3 + 3), k * 3);
    // Vertices left out of the sparse list stay at zero, so zero counts towards the bounds only if some are.
    const unmoved = moved.length < count ? [0, 0, 0] : [];
    const { min, max } = componentBounds([...unmoved, ...values], 3, 3);
    const accessor: JsonObject = { componentType: SHORT, normalized: true, count, type: 'VEC3', min, max };
    if (moved.length > 0) {
      const wide = count > 65535;
      const idx = wide ? Uint32Array.from(moved) : Uint16Array.from(moved);
      accessor.sparse = {
        count: moved.length,
        indices: {
          bufferView: this.view(new Uint8Array(idx.buffer)),
          componentType: wide ? UNSIGNED_INT : UNSIGNED_SHORT,
        },
        values: { bufferView: this.view(new Uint8Array(values.buffer)) },
      };
    }
    return this.json.accessors.push(accessor) - 1;
  }

  /** Embeds a PNG and a texture sampling it; returns the texture index. */
  pngTexture(png: Uint8Array, name: string): number {
    const image = this.pngImage(png, name);
    return this.json.textures.push({ source: image, sampler: 0, name }) - 1;
  }

  /** Embeds a PNG image; returns the image index. */
  pngImage(png: Uint8Array, name: string): number {
    return this.json.images.push({ bufferView: this.view(png), mimeType: 'image/png', name }) - 1;
  }

  /** Adds a node; returns its index. */
  node(node: JsonObject): number {
    return this.json.nodes.push(node) - 1;
  }

  /** Declares an extension as used. */
  use(extension: string): void {
    if (!this.json.extensionsUsed.includes(extension)) this.json.extensionsUsed.push(extension);
  }

  /** The GLB file: 12-byte header, JSON chunk (space padded), BIN chunk (zero padded). */
  toGlb(): Buffer {
    this.json.buffers[0]!.byteLength = this.byteLength;
    const json = Buffer.from(JSON.stringify(this.json), 'utf8');
    const jsonChunk = Buffer.alloc(pad4(json.length), 0x20);
    json.copy(jsonChunk);
    const bin = Buffer.concat(this.chunks);
    const header = Buffer.alloc(12);
    const total = 12 + 8 + jsonChunk.length + 8 + bin.length;
    header.writeUInt32LE(0x46546c67, 0);
    header.writeUInt32LE(2, 4);
    header.writeUInt32LE(total, 8);
    const chunkHeader = (length: number, type: number) => {
      const h = Buffer.alloc(8);
      h.writeUInt32LE(length, 0);
      h.writeUInt32LE(type, 4);
      return h;
    };
    return Buffer.concat([
      header,
      chunkHeader(jsonChunk.length, 0x4e4f534a),
      jsonChunk,
      chunkHeader(bin.length, 0x004e4942),
      bin,
    ]);
  }
}
