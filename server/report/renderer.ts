/**
 * HTML → PDF behind a small interface. The implementation drives Debian's Chromium through
 * playwright-core (engineering.md B11): one browser at most (2-core machines), jobs queued one at a
 * time, each with a timeout; the browser is launched on first use and closed after a minute idle.
 * JavaScript is off and every network request is refused: a report page is self-contained HTML + SVG.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../errors';

export interface PdfOptions {
  landscape?: boolean;
  /** footer HTML (Chromium template: <span class="pageNumber">, <span class="totalPages">) */
  footerHtml?: string;
}

export interface PdfRenderer {
  pdf(html: string, opts?: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export interface ChromiumOptions {
  executablePath?: string;
  /** per-job limit, ms */
  timeoutMs?: number;
  /** jobs waiting beyond this are refused with 503 */
  maxQueue?: number;
  /** close the browser after this long without work, ms */
  idleMs?: number;
}

const unavailable = (why: string) =>
  new AppError(503, 'REPORT_RENDERER_UNAVAILABLE', `The PDF renderer is not available: ${why}`, `PDF 生成器不可用：${why}`);

export function chromiumRenderer(opts: ChromiumOptions = {}): PdfRenderer {
  const executablePath = opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const maxQueue = opts.maxQueue ?? 8;
  const idleMs = opts.idleMs ?? 60_000;
  let browser: Promise<Browser> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let idle: NodeJS.Timeout | null = null;

  const launch = async (): Promise<Browser> => {
    if (!existsSync(executablePath)) throw unavailable(`no Chromium at ${executablePath} (apt-get install chromium)`);
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, timeout: 60_000 });
  };
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  };
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void closeBrowser(), idleMs);
    idle.unref();
  };

  const job = async (html: string, o: PdfOptions): Promise<Buffer> => {
    browser ??= launch();
    const b = await browser.catch((e) => {
      browser = null;
      throw e instanceof AppError ? e : unavailable(String((e as Error).message ?? e).split('\n')[0]);
    });
    if (!b.isConnected()) {
      browser = null;
      return job(html, o);
    }
    const ctx = await b.newContext({ javaScriptEnabled: false, offline: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      const page = await ctx.newPage();
      await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
      const work = (async () => {
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        return page.pdf({
          format: 'A4',
          landscape: !!o.landscape,
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: !!o.footerHtml,
          headerTemplate: '<span></span>',
          footerTemplate: o.footerHtml ?? '<span></span>',
          margin: { top: '14mm', bottom: o.footerHtml ? '16mm' : '14mm', left: '14mm', right: '14mm' },
        });
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AppError(
                503,
                'REPORT_TIMEOUT',
                `The PDF took longer than ${timeoutMs / 1000} s`,
                `PDF 生成超时（${timeoutMs / 1000} 秒）`,
              ),
            ),
          timeoutMs,
        );
      });
      return await Promise.race([work, timeout]);
    } finally {
      if (timer) clearTimeout(timer);
      await ctx.close().catch(() => undefined);
    }
  };

  return {
    pdf(html, o = {}) {
      if (waiting >= maxQueue)
        return Promise.reject(
          new AppError(
            503,
            'REPORT_BUSY',
            `${waiting} reports are being made; try again shortly`,
            `正在生成 ${waiting} 份报告，请稍后再试`,
          ),
        );
      waiting++;
      const run = tail.then(() => job(html, o));
      tail = run
        .catch(() => undefined)
        .finally(() => {
          waiting--;
          armIdle();
        });
      return run;
    },
    close: closeBrowser,
  };
}
