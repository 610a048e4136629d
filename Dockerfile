# One image for the API, the worker and the migrations; docker-compose.yml picks
# the command. Built in two stages: the first compiles (npm run build: tsc, the
# web UI, the workflow bundle), the second holds only the production
# dependencies and dist/, run by plain Node as an unprivileged user.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The evidence volume's mount point, owned by the user the processes run as: a
# new named volume takes the ownership of the directory it is mounted over.
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/api/main.js"]
