import type { Response } from 'express';

/**
 * A Content-Disposition with the file's name in both the plain (ASCII: percent-encoded, which decodes back to the
 * name) and the RFC 5987 (UTF-8) form, which browsers prefer.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = encodeURIComponent(filename).replace(/%20/g, ' ').replace(/"/g, '');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Send a generated file as a download, with its name in both the plain and the RFC 5987 (UTF-8) form. */
export function sendAttachment(res: Response, file: { buffer: Buffer | Uint8Array; contentType: string; filename: string }) {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition('attachment', file.filename));
  res.send(Buffer.from(file.buffer));
}
