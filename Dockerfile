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
COPY app ./app
COPY api ./api
COPY db ./db
COPY web ./web
COPY scripts ./scripts
COPY tsconfig.json ./
# The evidence volume's mount point, owned by the user the processes run as: a
# new named volume takes the ownership of the directory it is mounted over.
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
CMD ["npx", "tsx", "api/main.ts"]
