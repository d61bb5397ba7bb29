import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/http';
import { tempSession } from './helpers';

type Started = Awaited<ReturnType<typeof startServer>>;
let running: Started | undefined;
afterEach(() => running?.server.close());

async function start() {
  const { session, dir } = tempSession();
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SID</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  running = await startServer(session, renderer);
  return running;
}

function send(
  server: Started,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const url = new URL(server.origin);
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path,
          method: options.method ?? 'GET',
          headers: { host: url.host, ...options.headers },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

describe('the loopback server', () => {
  it('listens on 127.0.0.1 on a random port with a fresh token each run', async () => {
    const a = await start();
    expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).toBe(`${a.origin}/#token=${a.token}`);
    expect(a.token).toMatch(/^[0-9a-f]{48}$/);
    const b = await startServer(tempSession().session, '/nonexistent');
    b.server.close();
    expect(b.token).not.toBe(a.token);
    expect(b.origin).not.toBe(a.origin);
  });

  it('answers API calls only with the token, and only by POST', async () => {
    const server = await start();
    const call = (token?: string) =>
      send(server, '/api/app.state', {
        method: 'POST',
        body: '{}',
        headers: token ? { 'x-sid-token': token } : {},
      });
    expect((await call()).status).toBe(401);
    expect((await call('0'.repeat(48))).status).toBe(401);
    const good = await call(server.token);
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { file: null, user: 'test.user' } });
    expect((await send(server, '/api/app.state', { headers: { 'x-sid-token': server.token } })).status).toBe(
      405,
    );
    const notJson = await send(server, '/api/app.state', {
      method: 'POST',
      body: '{',
      headers: { 'x-sid-token': server.token },
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a foreign Host header, so a DNS-rebinding page cannot reach it', async () => {
    const server = await start();
    const res = await send(server, '/api/app.state', {
      method: 'POST',
      body: '{}',
      headers: { host: 'evil.example:80', 'x-sid-token': server.token },
    });
    expect(res.status).toBe(421);
  });

  it("refuses another site's page (403), an oversized body (413) and a malformed path (400)", async () => {
    const server = await start();
    const post = (path: string, headers: Record<string, string> = {}, body = '{}') =>
      send(server, path, { method: 'POST', body, headers: { 'x-sid-token': server.token, ...headers } });
    expect((await post('/api/app.state', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/api/app.state', { origin: server.origin })).status).toBe(200);
    const huge = JSON.stringify({ fileName: 'x.xlsx', dataBase64: 'A'.repeat(33 * 1024 * 1024) });
    expect((await post('/api/register.preview', {}, huge)).status).toBe(413);
    expect((await post('/api/app.%E0%A4%A')).status).toBe(400);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const server = await start();
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>SID</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*object-src 'none'/);
    expect((await send(server, '/../secret.txt')).status).toBe(404);
    expect((await send(server, '/%2e%2e/secret.txt')).status).toBe(404);
  });
});
