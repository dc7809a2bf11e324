/**
 * One error model for the whole service (habit 5). Every refusal carries a stable
 * machine code, an English and a Chinese message, and optional details that point
 * at the line or point at fault.
 */
export interface ErrorDetail {
  line?: number;
  point?: number | string;
  parcel?: number | string;
  field?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly details?: ErrorDetail[];

  constructor(status: number, code: string, message: string, messageZh: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        message_zh: this.messageZh,
        ...(this.details && this.details.length ? { details: this.details } : {}),
      },
    };
  }
}

/** 400: the request itself is malformed (unreadable file, bad syntax). */
export const badRequest = (code: string, message: string, messageZh: string, details?: ErrorDetail[]) =>
  new AppError(400, code, message, messageZh, details);

/** 422: the request is readable but its content breaks a rule (bad geometry, out-of-range value). */
export const unprocessable = (code: string, message: string, messageZh: string, details?: ErrorDetail[]) =>
  new AppError(422, code, message, messageZh, details);

/** What a 404 names, in Chinese (the English word is the key). */
const WHAT_ZH: Record<string, string> = { block: '区块', collection: '图层集合', feature: '要素', route: '路径', 'tile layer': '瓦片图层' };

export const notFound = (what: string, id: string) =>
  new AppError(404, 'NOT_FOUND', `${what} '${id}' not found`, `未找到${WHAT_ZH[what] ?? what} '${id}'`);

/** 413: an input limit was exceeded; the message states the limit. */
export const tooLarge = (code: string, message: string, messageZh: string, details?: ErrorDetail[]) =>
  new AppError(413, code, message, messageZh, details);
