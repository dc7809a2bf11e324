// proxy-addr 2 (express's req.ip): the client address, trusting the proxies express's 'trust proxy fn' trusts.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  export default function proxyaddr(req: IncomingMessage, trust: (addr: string, i: number) => boolean): string;
}
