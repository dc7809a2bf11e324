import { startServer } from './server';

const running = await startServer().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
