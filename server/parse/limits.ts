import { tooLarge } from '../errors';
import { defineMessages, say } from '../i18n/message';

const SAY = defineMessages({
  LINE_TOO_LONG: {
    en: (p: { line: number; limit: number }) => `Line ${p.line} is longer than ${p.limit} bytes; a coordinate table's lines are short`,
    zh: (p: { line: number; limit: number }) => `第 ${p.line} 行超过 ${p.limit} 字节，坐标表的行不应如此之长`,
  },
});

/** Input limits. Every refusal states the limit that was exceeded. */
export interface ParseLimits {
  /** Size of the uploaded file in bytes. Default 20 MiB. */
  maxUploadBytes: number;
  /** Total decompressed size of a zip archive (SHP zip, KMZ, XLSX) in bytes, counted while inflating. Default 32 MiB. */
  maxArchiveBytes: number;
  /** Number of entries in a zip archive. Default 200. */
  maxArchiveEntries: number;
  /** Vertices over all parcels. Default 200,000. */
  maxVertices: number;
  /** Parcels per file. Default 1,000. */
  maxParcels: number;
  /** XML elements in one KML document or XLSX part, counted before any DOM is built. Default 1,000,000. */
  maxXmlElements: number;
  /** Longest line of a text upload (国土 TXT, CSV), bytes. Default 64 KiB. */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxUploadBytes: 20 * 1024 * 1024,
  maxArchiveBytes: 32 * 1024 * 1024,
  maxArchiveEntries: 200,
  maxVertices: 200_000,
  maxParcels: 1_000,
  maxXmlElements: 1_000_000,
  maxLineBytes: 64 * 1024,
};

export const resolveLimits = (l?: Partial<ParseLimits>): ParseLimits => ({ ...DEFAULT_LIMITS, ...(l ?? {}) });

export function checkUploadSize(bytes: number, limits: ParseLimits): void {
  if (bytes > limits.maxUploadBytes)
    throw tooLarge(
      'UPLOAD_TOO_LARGE',
      `File is ${bytes} bytes; the limit is ${limits.maxUploadBytes} bytes`,
      `文件大小 ${bytes} 字节，超过上限 ${limits.maxUploadBytes} 字节`,
      [{ size: bytes, limit: limits.maxUploadBytes }],
    );
}

/** Counts vertices as they are read, so a huge file is refused before it is fully materialised. */
export class VertexBudget {
  private n = 0;
  private parcels = 0;
  constructor(private readonly limits: ParseLimits) {}
  addVertex(line?: number): void {
    if (++this.n > this.limits.maxVertices)
      throw tooLarge(
        'TOO_MANY_VERTICES',
        `More than ${this.limits.maxVertices} vertices; that is the limit`,
        `顶点数超过上限 ${this.limits.maxVertices}`,
        [{ limit: this.limits.maxVertices, ...(line ? { line } : {}) }],
      );
  }
  addParcel(line?: number): void {
    if (++this.parcels > this.limits.maxParcels)
      throw tooLarge(
        'TOO_MANY_PARCELS',
        `More than ${this.limits.maxParcels} parcels; that is the limit`,
        `地块数超过上限 ${this.limits.maxParcels}`,
        [{ limit: this.limits.maxParcels, ...(line ? { line } : {}) }],
      );
  }
  get vertices() {
    return this.n;
  }
}

/** Refuse (413 LINE_TOO_LONG) a text upload with a line longer than maxLineBytes; a linear scan of the bytes. */
export function checkLineLength(buf: Uint8Array, limits: ParseLimits): void {
  let start = 0;
  let line = 1;
  for (;;) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    // a CR-only file is one "line" to this scan: look for CRs inside long stretches
    let from = start;
    while (end - from > limits.maxLineBytes) {
      const cr = buf.indexOf(0x0d, from);
      if (cr < 0 || cr >= end || cr - from > limits.maxLineBytes) {
        const m = say(SAY, 'LINE_TOO_LONG', { line, limit: limits.maxLineBytes });
        throw tooLarge(m.code, m.message, m.message_zh, [{ line, limit: limits.maxLineBytes }]);
      }
      from = cr + 1;
    }
    if (end >= buf.length) return;
    start = end + 1;
    line++;
  }
}
