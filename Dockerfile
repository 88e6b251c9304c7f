# One image for every process (bot, workers, migrations); docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bot ./bot
COPY db ./db
COPY workers ./workers
COPY scripts ./scripts
# zalo:login saves the QR picture here.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
CMD ["npm", "run", "start:bot"]
