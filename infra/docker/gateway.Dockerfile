# The gateway with the web console inside (Kubernetes: infra/k8s/40-gateway.yaml): the console built with
# Vite, served by nginx (unprivileged: port 8080, user 101) with infra/gateway/default.conf.template, which
# routes /api/<service> to each service. Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t police-case-platform/gateway:0.1.0 .
# (docker compose serves the same console and template from the work tree instead.)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build console --skip-nx-cache

FROM nginxinc/nginx-unprivileged:stable-alpine
ENV GATEWAY_PORT=8080 CONSOLE_ROOT=/usr/share/nginx/html
COPY --from=build /app/apps/console/dist /usr/share/nginx/html
COPY infra/gateway/default.conf.template /etc/nginx/templates/default.conf.template
EXPOSE 8080
