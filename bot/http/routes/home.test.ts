import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { homeRoute } from './home.ts';

describe('GET /', () => {
  it('sends a browser to the configured home (the simulator in local mode)', async () => {
    const app = Fastify();
    await app.register(homeRoute, { homeUrl: 'http://localhost:3001/simulator' });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('http://localhost:3001/simulator');
  });

  it('without one, answers a short Vietnamese page instead of a 404', async () => {
    const app = Fastify();
    await app.register(homeRoute, { homeUrl: null });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('đang chạy');
    expect(res.body).toContain('/webhooks/zalo');
  });
});
