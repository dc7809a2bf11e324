import { unzipSync, zipSync } from 'fflate';
import { badRequest, tooLarge } from '../errors';
import type { ParseLimits } from './limits';

export const isZip = (buf: Uint8Array) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/**
 * Unzip with limits checked from the central directory *before* anything is inflated: entry count and total
 * declared size. fflate inflates each entry into a buffer of its declared size, so a lying header cannot make
 * it allocate more than the limit. Directory entries and __MACOSX resource forks are dropped.
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
    out = unzipSync(buf, { filter: (f) => !f.name.endsWith('/') && !f.name.includes('__MACOSX') });
  } catch (e) {
    throw unreadableZip(e);
  }
  return out;
}

/** Re-pack already size-checked entries (stored, no compression) for libraries that unzip themselves (exceljs). */
export const repack = (entries: Record<string, Uint8Array>) => zipSync(entries, { level: 0 });

const unreadableZip = (e: unknown) =>
  badRequest('PARSE_UNREADABLE', `Zip archive is unreadable or truncated (${(e as Error)?.message ?? e})`, '压缩包无法读取或不完整', [
    { reason: String((e as Error)?.message ?? e) },
  ]);

export const entryNames = (entries: Record<string, Uint8Array>) => Object.keys(entries);
export const findEntries = (entries: Record<string, Uint8Array>, ext: string) =>
  Object.keys(entries).filter((n) => n.toLowerCase().endsWith(ext));
