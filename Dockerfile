# One image for every process (bot, workers, migrations); docker-compose.yml picks the command.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# The Mini App is a workspace of the root; the image serves the bot and workers only (Zalo hosts the
# Mini App after `zmp deploy`), so its dependencies are left out.
COPY miniapp/package.json ./miniapp/package.json
RUN npm ci --omit=dev --no-audit --no-fund --workspaces=false
COPY bot ./bot
COPY db ./db
COPY workers ./workers
COPY scripts ./scripts
# zalo:login saves the QR picture here.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
CMD ["npm", "run", "start:bot"]
