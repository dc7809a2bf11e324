# syntax=docker/dockerfile:1
# Production image (issue 17): the page built once at image build, production dependencies only, a non-root user,
# a health check. Every docker-compose profile builds and runs this file.

# 1. build the page (Vite needs the dev dependencies)
FROM node:22-bookworm-slim AS client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY client ./client
# the page imports the shared contract, vocabulary and message types from server/
COPY server ./server
COPY vite.config.ts tsconfig.json ./
COPY scripts/build-client.mjs ./scripts/
RUN node scripts/build-client.mjs --force

# 2. production dependencies only
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

# 3. the service: Debian's Chromium and a CJK font for the PDF reports, tini as PID 1 (signals, zombies)
FROM node:22-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fonts-noto-cjk tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 STATIC_DIR=dist/client CHROMIUM_PATH=/usr/bin/chromium
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=client --chown=root:root /app/dist/client ./dist/client
COPY --chown=root:root package.json tsconfig.json ./
COPY --chown=root:root server ./server
COPY --chown=root:root sql ./sql
COPY --chown=root:root data ./data
# the code is root's and read-only to the service; the embedded engine's folder (if used) is the only writable place
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# 200 ok, 503 degraded (database down): only a process that does not answer at all is unhealthy
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.status===200||r.status===503?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "server/main.ts"]
