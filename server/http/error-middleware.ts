import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { isConnectionError } from '../db/pg';
import { AppError } from '../errors';
import { defineMessages, say, type Message } from '../i18n/message';

const SAY = defineMessages({
  DATABASE_UNAVAILABLE: {
    en: () => 'The database cannot be reached right now; try again shortly',
    zh: () => '数据库暂时无法连接，请稍后重试',
  },
  INVALID_CHARACTERS: {
    en: () => 'The request contains a NUL character (U+0000) or bytes that are not valid text',
    zh: () => '请求中含有 NUL 字符（U+0000）或无效的文本字节',
  },
  UNSUPPORTED_CHARSET: {
    en: (p: { charset: string }) => `Unsupported charset "${p.charset}": send JSON as UTF-8 (or UTF-16)`,
    zh: (p) => `不支持的字符集“${p.charset}”：JSON 请用 UTF-8（或 UTF-16）发送`,
  },
  UNSUPPORTED_CONTENT_ENCODING: {
    en: (p: { encoding: string }) => `Unsupported Content-Encoding "${p.encoding}": use identity, gzip, deflate or br`,
    zh: (p) => `不支持的 Content-Encoding“${p.encoding}”：请使用 identity、gzip、deflate 或 br`,
  },
  BODY_UNREADABLE: {
    en: () => 'The request body could not be read (a compressed body that does not decompress, or a truncated body)',
    zh: () => '请求体无法读取（压缩内容无法解压，或请求体不完整）',
  },
  BAD_PERCENT_ENCODING: {
    en: () => 'The URL has an invalid percent-encoding (%XX)',
    zh: () => 'URL 中的百分号编码（%XX）无效',
  },
  BODY_TOO_DEEP: {
    en: () => 'The JSON body is nested too deeply',
    zh: () => 'JSON 请求体嵌套层数过多',
  },
  GEOMETRY_ENGINE_ERROR: {
    en: () =>
      'The geometry engine (GEOS) failed on this input although it passed validation; this is a fault of the service, not of the input. Please report it',
    zh: () => '几何引擎（GEOS）处理该输入时出错（输入已通过校验）；这是服务的故障，不是输入的问题，请报告',
  },
  REQUEST_REJECTED: {
    en: (p: { status: number }) => `The request was refused (HTTP ${p.status})`,
    zh: (p) => `请求被拒绝（HTTP ${p.status}）`,
  },
});

const fromMessage = (status: number, m: Message, details?: AppError['details']) =>
  new AppError(status, m.code, m.message, m.message_zh, details);

/** 503 DATABASE_UNAVAILABLE: the database is down or restarting, or no pooled connection came free in time. */
export const databaseUnavailable = () => fromMessage(503, say(SAY, 'DATABASE_UNAVAILABLE'));

/** Postgres error classes that mean "your data", not "our fault". */
function fromPg(e: { code?: string; message?: string }): AppError | undefined {
  if (!e.code || typeof e.code !== 'string') return undefined;
  if (e.code === '23505') return new AppError(409, 'CONFLICT_DUPLICATE_ID', 'A feature with this id already exists', '该编号的要素已存在');
  if (e.code === '23514' || e.code === '23502' || e.code === '22P02' || e.code === '22007' || e.code === '22008')
    return new AppError(422, 'INVALID_PROPERTY', `A property value is not accepted: ${e.message}`, `属性值不被接受：${e.message}`);
  if (e.code === '22023')
    return new AppError(422, 'GEOMETRY_INVALID', `The geometry is not accepted: ${e.message}`, `几何无效：${e.message}`);
  // XX000 is an internal error: from PostGIS, a GEOS exception (TopologyException …) on a geometry that passed the
  // validator — the engine's failure, not the user's (logged with the engine's text, which is not echoed)
  if (e.code === 'XX000') return fromMessage(500, say(SAY, 'GEOMETRY_ENGINE_ERROR'));
  if (e.code === '57014') return new AppError(503, 'QUERY_TIMEOUT', 'The query took too long and was cancelled', '查询超时，已取消');
  // NUL in text or JSON ("unsupported Unicode escape sequence", "invalid byte sequence"): the input's fault
  if (e.code === '22P05' || e.code === '22021') return fromMessage(400, say(SAY, 'INVALID_CHARACTERS'));
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
  else if (err && err.type === 'entity.parse.failed') appErr = bodyNotJson();
  else if (err && err.name === 'MulterError')
    appErr = new AppError(
      err.code === 'LIMIT_FILE_SIZE' ? 413 : 400,
      `UPLOAD_${err.code}`,
      `Upload refused: ${err.message}`,
      `上传被拒绝：${err.message}`,
    );
  else if (err && err.type === 'charset.unsupported')
    appErr = fromMessage(415, say(SAY, 'UNSUPPORTED_CHARSET', { charset: String(err.charset ?? '') }));
  else if (err && err.type === 'encoding.unsupported')
    appErr = fromMessage(415, say(SAY, 'UNSUPPORTED_CONTENT_ENCODING', { encoding: String(err.encoding ?? '') }));
  else if (
    err &&
    ((typeof err.code === 'string' && /^Z_/.test(err.code)) || err.type === 'request.aborted' || err.type === 'request.size.invalid')
  )
    appErr = fromMessage(400, say(SAY, 'BODY_UNREADABLE'));
  else if (err instanceof URIError) appErr = fromMessage(400, say(SAY, 'BAD_PERCENT_ENCODING'));
  else if (err instanceof RangeError && /call stack/i.test(err.message)) appErr = fromMessage(400, say(SAY, 'BODY_TOO_DEEP'));
  else if (isConnectionError(err)) appErr = databaseUnavailable();
  else appErr = fromPg(err ?? {});
  // any other error that carries a client status (body-parser, http-errors): keep the status, one stable code
  const status = Number(err?.status ?? err?.statusCode);
  if (!appErr && Number.isInteger(status) && status >= 400 && status < 500)
    appErr = fromMessage(status, say(SAY, 'REQUEST_REJECTED', { status }));
  if (!appErr) {
    req.log?.error({ err }, 'unhandled error');
    appErr = new AppError(500, 'INTERNAL', 'Internal error', '服务器内部错误');
  } else if (appErr.code === 'DATABASE_UNAVAILABLE') {
    // expected while PostgreSQL restarts: one line per request at warn, without the stack
    req.log?.warn({ code: (err as { code?: string })?.code, reason: (err as Error)?.message }, appErr.code);
  } else if (appErr.status >= 500) {
    req.log?.error({ err }, appErr.code);
  }
  if (res.headersSent) return;
  if (appErr.status === 503) res.set('Retry-After', '5');
  res.status(appErr.status).json(appErr.toJSON());
};

/** 400 BODY_NOT_JSON: the body is not valid JSON. */
export const bodyNotJson = () => new AppError(400, 'BODY_NOT_JSON', 'The request body is not valid JSON', '请求体不是有效的 JSON');
/** 400 INVALID_CHARACTERS: a NUL character (U+0000) in the URL or a JSON string. */
export const invalidCharacters = () => fromMessage(400, say(SAY, 'INVALID_CHARACTERS'));
/** 400 BODY_TOO_DEEP: JSON nested deeper than any GeoJSON or parameter object needs. */
export const bodyTooDeep = (maxDepth: number) => fromMessage(400, say(SAY, 'BODY_TOO_DEEP'), [{ limit: maxDepth }]);
