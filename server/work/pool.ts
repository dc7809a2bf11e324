/**
 * The upload worker pool: parsing, validation and geometry work of uploads run here, off the main thread, so
 * `/api/health` and every other route keep answering while a hostile file is being read.
 *
 * - `size` worker threads (default: the machine's cores less one, at least one — a core stays with the main
 *   thread, which answers health, tiles and the register while hostile uploads saturate the workers), started on first use, each running worker-entry.mjs
 *   (tsx + worker.ts), so the same TypeScript runs under `npm start` and under Vitest.
 * - A time budget per job: past it the worker is terminated (the CPU is freed at once) and the job answers
 *   422 WORK_TIMEOUT. A memory budget per worker (`resourceLimits.maxOldGenerationSizeMb`): a job that needs
 *   more kills only its worker and answers 413 WORK_OUT_OF_MEMORY. Either way a fresh worker takes its place.
 * - A worker whose heap has grown past `recycleHeapMb` after a job is replaced, so memory goes back to the
 *   system after a large or hostile upload.
 * - At most `maxQueue` jobs wait (default 16 per core of the machine, not per worker: keeping a core for the main
 *   thread must not shrink the queue); beyond that 429 BUSY.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, tooLarge, unprocessable, type ErrorDetail } from '../errors';
import { defineMessages, say } from '../i18n/message';
import type { TaskKind, TaskTypes } from './tasks';

export interface WorkPoolOptions {
  /** Worker threads; 0 or absent → the number of cores. */
  size?: number;
  /** Time budget of one job, ms. */
  timeoutMs: number;
  /** Old-generation heap limit of each worker, MiB. */
  memoryMb: number;
  /** Jobs allowed to wait for a worker. */
  maxQueue?: number;
  /** Replace a worker whose used heap exceeds this after a job, MiB. Default 128. */
  recycleHeapMb?: number;
  /** Enable the test-only tasks (spin, alloc). */
  testTasks?: boolean;
}

const SAY = defineMessages({
  WORK_TIMEOUT: {
    en: (p: { ms: number }) => `The input took longer than the processing budget of ${p.ms} ms and was abandoned`,
    zh: (p: { ms: number }) => `输入处理超过时间上限 ${p.ms} 毫秒，已中止`,
  },
  WORK_OUT_OF_MEMORY: {
    en: (p: { mb: number }) => `The input needs more than the processing memory budget of ${p.mb} MiB`,
    zh: (p: { mb: number }) => `输入处理所需内存超过上限 ${p.mb} MiB`,
  },
  BUSY: {
    en: (p: { count: number }) => `The service is busy with ${p.count} other uploads; try again shortly`,
    zh: (p: { count: number }) => `服务正在处理其他 ${p.count} 个上传，请稍后再试`,
  },
  INPUT_NOT_TRANSFERABLE: {
    en: (p: { reason: string }) => `The input could not be handed to the worker (too deeply nested?): ${p.reason}`,
    zh: () => '输入无法交给处理线程（嵌套过深？）',
  },
});

interface Job {
  id: number;
  kind: TaskKind;
  payload: unknown;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  /** The slot is being replaced; ignore its late events. */
  dead?: boolean;
}

type Reply =
  | { id: number; ok: true; value: unknown; heapMb: number }
  | {
      id: number;
      ok: false;
      heapMb: number;
      error: { status: number; code: string; message: string; messageZh?: string; details?: ErrorDetail[] };
    };

/** 429 BUSY: `count` uploads are already in progress or waiting. */
export const busy = (count: number) => {
  const m = say(SAY, 'BUSY', { count });
  return new AppError(429, m.code, m.message, m.message_zh, [{ in_progress: count }]);
};

/** A copy of the bytes in an ArrayBuffer of their own, to transfer to a worker (multer's Buffer may share a pooled slab). */
export const ownBytes = (buf: Uint8Array): Uint8Array => new Uint8Array(buf);

export class WorkPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Counters for tests and logs. */
  readonly stats = { done: 0, timeouts: 0, outOfMemory: 0, recycled: 0 };

  constructor(private readonly opts: WorkPoolOptions) {
    this.size = opts.size && opts.size > 0 ? opts.size : Math.max(1, availableParallelism() - 1);
  }

  /** Run one task in a worker; resolves with its result or rejects with its AppError. */
  run<K extends TaskKind>(kind: K, payload: TaskTypes[K]['in'], transfer: ArrayBuffer[] = []): Promise<TaskTypes[K]['out']> {
    if (this.closed) return Promise.reject(new Error('work pool is closed'));
    const maxQueue = this.opts.maxQueue ?? Math.max(this.size, availableParallelism()) * 16;
    if (this.queue.length >= maxQueue) return Promise.reject(busy(this.queue.length));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, payload, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Start the workers now rather than on the first upload (each loads the parsers, ~1 s). */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Jobs running and waiting. */
  get load() {
    return { running: this.slots.filter((s) => s.job).length, queued: this.queue.length, workers: this.slots.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('work pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => ((s.dead = true), s.worker.terminate())));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job && !s.dead);
      if (!slot) {
        if (this.slots.length < this.size) this.spawn();
        return; // a worker that becomes ready pumps again
      }
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    try {
      slot.worker.postMessage({ id: job.id, kind: job.kind, payload: job.payload }, job.transfer);
    } catch (e) {
      const m = say(SAY, 'INPUT_NOT_TRANSFERABLE', { reason: String((e as Error)?.message ?? e).slice(0, 200) });
      job.reject(new AppError(400, m.code, m.message, m.message_zh));
      return;
    }
    slot.job = job;
    job.payload = undefined; // the worker has its copy
    job.timer = setTimeout(() => {
      this.stats.timeouts++;
      const m = say(SAY, 'WORK_TIMEOUT', { ms: this.opts.timeoutMs });
      this.retire(slot, unprocessable(m.code, m.message, m.message_zh, [{ limit_ms: this.opts.timeoutMs }]));
    }, this.opts.timeoutMs);
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      execArgv: [],
      workerData: { testTasks: Boolean(this.opts.testTasks) },
      resourceLimits: {
        maxOldGenerationSizeMb: this.opts.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(this.opts.memoryMb / 8))),
      },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (msg: Reply | { ready: true }) => {
      if (slot.dead) return;
      if ('ready' in msg) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      clearTimeout(job.timer);
      slot.job = undefined;
      this.stats.done++;
      if (msg.ok) job.resolve(msg.value);
      else {
        const e = msg.error;
        job.reject(
          e.status >= 400 && e.status < 500
            ? new AppError(e.status, e.code, e.message, e.messageZh ?? e.message, e.details)
            : new Error(`worker task ${job.kind} failed: ${e.message}`),
        );
      }
      if (msg.heapMb > (this.opts.recycleHeapMb ?? 128)) {
        this.stats.recycled++;
        this.retire(slot);
      } else this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.dead) return;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stats.outOfMemory++;
        const m = say(SAY, 'WORK_OUT_OF_MEMORY', { mb: this.opts.memoryMb });
        this.retire(slot, tooLarge(m.code, m.message, m.message_zh, [{ limit_mb: this.opts.memoryMb }]));
      } else this.retire(slot, err);
    });
    worker.on('exit', (code) => {
      if (slot.dead) return;
      this.retire(slot, new Error(`upload worker exited with code ${code}`));
    });
  }

  /** Take a worker out of service (terminating it); its job, if any, fails with `why`; a fresh worker comes on demand. */
  private retire(slot: Slot, why?: unknown): void {
    if (slot.dead) return;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (!slot.ready && !slot.job) {
      // it never started (a broken install): fail what waits instead of respawning in a loop
      for (const j of this.queue.splice(0)) j.reject(why ?? new Error('upload worker failed to start'));
      void slot.worker.terminate();
      return;
    }
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.reject(why ?? new Error('upload worker retired'));
      slot.job = undefined;
    }
    void slot.worker.terminate();
    if (!this.closed) this.pump();
  }
}
