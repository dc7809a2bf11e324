import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../errors';

/** Postgres error classes that mean "your data", not "our fault". */
function fromPg(e: { code?: string; message?: string }): AppError | undefined {
  if (!e.code || typeof e.code !== 'string') return undefined;
  if (e.code === '23505') return new AppError(409, 'CONFLICT_DUPLICATE_ID', 'A feature with this id already exists', '该编号的要素已存在');
  if (e.code === '23514' || e.code === '23502' || e.code === '22P02' || e.code === '22007' || e.code === '22008')
    return new AppError(422, 'INVALID_PROPERTY', `A property value is not accepted: ${e.message}`, `属性值不被接受：${e.message}`);
  if (e.code === '22023' || e.code === 'XX000')
    return new AppError(422, 'GEOMETRY_INVALID', `The geometry is not accepted: ${e.message}`, `几何无效：${e.message}`);
  if (e.code === '57014') return new AppError(503, 'QUERY_TIMEOUT', 'The query took too long and was cancelled', '查询超时，已取消');
  return undefined;
}

/** Turn a zod error into the one error shape, naming each field at fault. */
export function fromZod(e: ZodError, code = 'VALIDATION_FAILED'): AppError {
  return new AppError(
    422,
    code,
    `Invalid input: ${e.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    `输入无效：${e.issues.map((i) => `${i.path.join('.') || '(请求体)'}：${i.message}`).join('；')}`,
    e.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  );
}

/** The single error middleware: every failure leaves as `{ error: { code, message, message_zh, details? } }`. */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  let appErr: AppError | undefined;
  if (err instanceof AppError) appErr = err;
  else if (err instanceof ZodError) appErr = fromZod(err);
  else if (err && (err.type === 'entity.too.large' || err.status === 413))
    appErr = new AppError(413, 'BODY_TOO_LARGE', 'The request body is too large', '请求体过大');
  else if (err && err.type === 'entity.parse.failed')
    appErr = new AppError(400, 'BODY_NOT_JSON', 'The request body is not valid JSON', '请求体不是有效的 JSON');
  else if (err && err.name === 'MulterError')
    appErr = new AppError(
      err.code === 'LIMIT_FILE_SIZE' ? 413 : 400,
      `UPLOAD_${err.code}`,
      `Upload refused: ${err.message}`,
      `上传被拒绝：${err.message}`,
    );
  else appErr = fromPg(err ?? {});
  if (!appErr) {
    req.log?.error({ err }, 'unhandled error');
    appErr = new AppError(500, 'INTERNAL', 'Internal error', '服务器内部错误');
  } else if (appErr.status >= 500) {
    req.log?.error({ err }, appErr.code);
  }
  if (res.headersSent) return;
  res.status(appErr.status).json(appErr.toJSON());
};
