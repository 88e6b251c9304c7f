import type { FastifyInstance } from 'fastify';

/**
 * `GET /`: someone opened the bot's address in a browser. With a home address configured (local
 * mode points it at the simulator) they are sent there; otherwise a short page says what answers
 * here, instead of a bare 404.
 */
export async function homeRoute(app: FastifyInstance, opts: { homeUrl: string | null }) {
  app.get('/', async (_request, reply) => {
    if (opts.homeUrl) return reply.redirect(opts.homeUrl, 302);
    return reply.type('text/html; charset=utf-8').send(statusPage);
  });
}

const statusPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trợ lý Tổ công nghệ số cộng đồng</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1 style="font-size: 1.3rem">Trợ lý Tổ công nghệ số cộng đồng đang chạy</h1>
<p>Đây là máy chủ của OA xã: Zalo gửi tin nhắn đến <code>/webhooks/zalo</code>, Mini App ở <a href="miniapp/">/miniapp/</a>.</p>
<p>Kiểm tra: <a href="healthz">/healthz</a> · <a href="readyz">/readyz</a></p>
</body></html>
`;
