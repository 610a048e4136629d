# One image for the API, the worker and the migrations; docker-compose.yml picks
# the command. TypeScript runs through tsx, as in development.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY api ./api
COPY db ./db
COPY web ./web
COPY scripts ./scripts
COPY tsconfig.json ./
USER node
CMD ["npx", "tsx", "api/main.ts"]
