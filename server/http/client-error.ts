import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { defineMessages, say } from '../i18n/message';

const SAY = defineMessages({
  HEADERS_TOO_LARGE: {
    en: (p: { limit_kib: number }) => `The request line and headers are larger than ${p.limit_kib} KiB (a URL that long is refused)`,
    zh: (p) => `请求行与请求头超过 ${p.limit_kib} KiB（URL 过长）`,
  },
  REQUEST_MALFORMED: {
    en: () => 'The request is not valid HTTP',
    zh: () => '请求不是有效的 HTTP',
  },
  REQUEST_TIMEOUT: {
    en: () => 'The request did not arrive in time',
    zh: () => '请求未能按时到达',
  },
});

/**
 * Requests Node refuses before Express sees them (a URL or headers over the 16 KiB limit, malformed HTTP, a
 * request that never completes) get the one error shape too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server, maxHeaderBytes = 16 * 1024): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, m] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, say(SAY, 'HEADERS_TOO_LARGE', { limit_kib: Math.round(maxHeaderBytes / 1024) })]
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, say(SAY, 'REQUEST_TIMEOUT')]
          : [400, say(SAY, 'REQUEST_MALFORMED')];
    const body = JSON.stringify({ error: { code: m.code, message: m.message, message_zh: m.message_zh } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
