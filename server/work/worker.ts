/**
 * One upload worker thread: receives { id, kind, payload }, runs the task and answers { id, ok, value } or
 * { id, ok: false, error } (an AppError as its fields; anything else as INTERNAL), plus its heap size so the
 * pool can retire a worker that grew large. Budgets (time, memory) are enforced from outside, by the pool.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type TaskKind } from './tasks';

interface Job {
  id: number;
  kind: TaskKind;
  payload: unknown;
}

const port = parentPort!;
const testTasks = Boolean((workerData as { testTasks?: boolean } | undefined)?.testTasks);

port.on('message', async (job: Job) => {
  let reply: Record<string, unknown>;
  try {
    const value = await runTask(job.kind, job.payload, testTasks);
    reply = { id: job.id, ok: true, value };
  } catch (e) {
    const err = e as { status?: number; code?: string; message?: string; messageZh?: string; details?: unknown; name?: string };
    reply =
      err && err.name === 'AppError'
        ? {
            id: job.id,
            ok: false,
            error: { status: err.status, code: err.code, message: err.message, messageZh: err.messageZh, details: err.details },
          }
        : { id: job.id, ok: false, error: { status: 500, code: 'INTERNAL', message: String(err?.message ?? e).slice(0, 500) } };
  }
  reply.heapMb = getHeapStatistics().used_heap_size / 2 ** 20;
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({
      id: job.id,
      ok: false,
      heapMb: reply.heapMb,
      error: { status: 500, code: 'INTERNAL', message: `result not transferable: ${(e as Error).message}` },
    });
  }
});
port.postMessage({ ready: true });
