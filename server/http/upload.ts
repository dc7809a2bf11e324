import type { RequestHandler } from 'express';
import multer from 'multer';
import { badRequest, tooLarge } from '../errors';
import type { ParseLimits } from '../parse/limits';

/**
 * One multipart file in field `file`, in memory, with the upload limits stated in the refusal.
 * Requests that are not multipart pass through untouched (a JSON body was already read by express.json).
 */
export function singleFileUpload(limits: ParseLimits, opts: { fields?: number; fieldSize?: number } = {}): RequestHandler {
  const m = multer({
    storage: multer.memoryStorage(),
    // File names arrive as raw UTF-8 bytes from browsers and curl; busboy's default (latin1) turns 地块.txt into mojibake.
    defParamCharset: 'utf8',
    limits: {
      fileSize: limits.maxUploadBytes,
      files: 1,
      fields: opts.fields ?? 20,
      parts: (opts.fields ?? 20) + 2,
      fieldSize: opts.fieldSize ?? 4096,
    },
  }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    m(req, res, (err: unknown) => {
      if (!err) return next();
      const e = err as { code?: string; message?: string };
      if (e.code === 'LIMIT_FILE_SIZE')
        return next(
          tooLarge(
            'UPLOAD_TOO_LARGE',
            `File is larger than the limit of ${limits.maxUploadBytes} bytes`,
            `文件超过上限 ${limits.maxUploadBytes} 字节`,
            [{ limit: limits.maxUploadBytes }],
          ),
        );
      if (e.code?.startsWith('LIMIT_'))
        return next(badRequest('UPLOAD_REJECTED', `Upload refused: ${e.message}`, `上传被拒绝：${e.message}`, [{ reason: e.code }]));
      next(badRequest('UPLOAD_REJECTED', `Upload could not be read: ${e.message ?? err}`, '上传内容无法读取', [{ reason: e.code }]));
    });
  };
}
