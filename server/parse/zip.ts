import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, zipSync } from 'fflate';
import { badRequest, tooLarge } from '../errors';
import type { ParseLimits } from './limits';

export const isZip = (buf: Uint8Array) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/**
 * Unzip with limits checked from the central directory *before* anything is inflated (entry count and total
 * declared size), then again while inflating: the bytes that come out are counted, so a lying header cannot
 * make it produce more than the limit. Directory entries and __MACOSX resource forks are dropped.
 */
export function safeUnzip(buf: Uint8Array, limits: ParseLimits): Record<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  try {
    unzipSync(buf, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw unreadableZip(e);
  }
  if (entries > limits.maxArchiveEntries)
    throw tooLarge(
      'ARCHIVE_TOO_LARGE',
      `Archive has ${entries} entries; the limit is ${limits.maxArchiveEntries}`,
      `压缩包内文件数 ${entries}，超过上限 ${limits.maxArchiveEntries}`,
      [{ entries, limit: limits.maxArchiveEntries }],
    );
  if (total > limits.maxArchiveBytes)
    throw tooLarge(
      'ARCHIVE_TOO_LARGE',
      `Archive expands to ${total} bytes; the limit is ${limits.maxArchiveBytes} bytes`,
      `压缩包解压后 ${total} 字节，超过上限 ${limits.maxArchiveBytes} 字节`,
      [{ decompressed: total, limit: limits.maxArchiveBytes }],
    );
  let out: Record<string, Uint8Array>;
  try {
    out = inflateCounted(buf, limits.maxArchiveBytes);
  } catch (e) {
    if (e instanceof ArchiveOverLimit)
      throw tooLarge(
        'ARCHIVE_TOO_LARGE',
        `Archive expands to more than ${limits.maxArchiveBytes} bytes (its headers understate the sizes); the limit is ${limits.maxArchiveBytes} bytes`,
        `压缩包解压后超过上限 ${limits.maxArchiveBytes} 字节（文件头所报大小不实）`,
        [{ decompressed: e.bytes, limit: limits.maxArchiveBytes }],
      );
    throw unreadableZip(e);
  }
  return out;
}

class ArchiveOverLimit extends Error {
  constructor(readonly bytes: number) {
    super('archive over its decompression limit');
  }
}

/** Compressed bytes pushed at a time: deflate expands at most ~1,032×, so no output chunk exceeds ~66 MiB. */
const PUSH_BYTES = 64 * 1024;

/**
 * Inflate every entry (not directories, not __MACOSX) with fflate's streaming unzip, counting the bytes as
 * they come out: the count, not the headers, decides, and inflating stops as soon as it passes `limit`.
 */
function inflateCounted(buf: Uint8Array, limit: number): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  const uz = new Unzip();
  uz.register(UnzipPassThrough);
  uz.register(UnzipInflate);
  uz.onfile = (f) => {
    if (f.name.endsWith('/') || f.name.includes('__MACOSX')) return;
    const chunks: Uint8Array[] = [];
    f.ondata = (err, chunk, final) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limit) throw new ArchiveOverLimit(total);
      chunks.push(chunk);
      if (final) {
        const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        out[f.name] = all;
      }
    };
    f.start();
  };
  for (let i = 0; i < buf.length; i += PUSH_BYTES)
    uz.push(buf.subarray(i, Math.min(buf.length, i + PUSH_BYTES)), i + PUSH_BYTES >= buf.length);
  return out;
}

/** Re-pack already size-checked entries (stored, no compression) for libraries that unzip themselves (exceljs). */
export const repack = (entries: Record<string, Uint8Array>) => zipSync(entries, { level: 0 });

const unreadableZip = (e: unknown) =>
  badRequest('PARSE_UNREADABLE', `Zip archive is unreadable or truncated (${(e as Error)?.message ?? e})`, '压缩包无法读取或不完整', [
    { reason: String((e as Error)?.message ?? e) },
  ]);

export const findEntries = (entries: Record<string, Uint8Array>, ext: string) =>
  Object.keys(entries).filter((n) => n.toLowerCase().endsWith(ext));
