import type { Response } from 'express';

/** Send a generated file as a download, with its name in both the plain and the RFC 5987 (UTF-8) form. */
export function sendAttachment(res: Response, file: { buffer: Buffer | Uint8Array; contentType: string; filename: string }) {
  const ascii = encodeURIComponent(file.filename).replace(/%20/g, ' ').replace(/"/g, '');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.send(Buffer.from(file.buffer));
}
