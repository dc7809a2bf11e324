/** The service's name and version as reports state them (package.json version, read once). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

export const SERVICE = { name: '矿权一张图 kuangquan-yizhangtu', version: pkg.version } as const;
