# One image recipe for the four services, production-like: PostgreSQL, Kafka and the OIDC provider come
# from the environment. Build from the repository root:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=evidence --build-arg PORT=3003 .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs libs
COPY services services
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG SERVICE
ARG PORT
WORKDIR /app
ENV NODE_ENV=production SERVICE=${SERVICE} PORT=${PORT} TS_NODE_PROJECT=/app/tsconfig.base.json TS_NODE_BASEURL=/app/dist/out-tsc
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist/out-tsc dist/out-tsc
USER node
EXPOSE ${PORT}
# Healthy = ready (store writable, projections running and keeping up); /health/live is the liveness probe.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 --start-period=120s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/'+process.env.SERVICE+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node -r tsconfig-paths/register dist/out-tsc/services/${SERVICE}/src/main.js"]
