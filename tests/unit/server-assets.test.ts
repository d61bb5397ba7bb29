import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedEncodings } from '../../electron/server/assets';
import { CSP, startServer } from '../../electron/server/http';
import { tempSession } from './helpers';

type Started = Awaited<ReturnType<typeof startServer>>;
let running: Started | undefined;
afterEach(() => running?.server.close());

// A bundle that compresses as a real one does: the same code over and over.
const BUNDLE = Buffer.from('export function row(school) { return school.name; }\n'.repeat(2000));

async function start() {
  const { session, dir } = tempSession();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SID</title>');
  writeFileSync(join(renderer, 'assets', 'index-Ab12Cd.js'), BUNDLE);
  writeFileSync(join(renderer, 'assets', 'logo-Ef34Gh.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  running = await startServer(session, renderer);
  return { server: running, renderer };
}

function get(server: Started, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const url = new URL(server.origin);
      const req = request(
        { host: '127.0.0.1', port: url.port, path, headers: { host: url.host, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the renderer’s files from the loopback server', () => {
  it('sends a built file compressed as the browser accepts, the same bytes once decompressed', async () => {
    const { server } = await start();
    const br = await get(server, '/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(BUNDLE.length / 10);
    expect(brotliDecompressSync(br.body).equals(BUNDLE)).toBe(true);

    const gz = await get(server, '/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(BUNDLE)).toBe(true);

    const refused = await get(server, '/assets/index-Ab12Cd.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(BUNDLE)).toBe(true);
    for (const answer of [br, gz, refused]) {
      expect(answer.headers['vary']).toBe('Accept-Encoding');
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe(CSP);
    }
  });

  it('leaves an image as it is', async () => {
    const { server } = await start();
    const png = await get(server, '/assets/logo-Ef34Gh.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect([...png.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('lets the browser keep a built file for good, but asks it to fetch the page and every answer afresh', async () => {
    const { server } = await start();
    expect((await get(server, '/assets/index-Ab12Cd.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get(server, '/')).headers['cache-control']).toBe('no-store');
    const api = await get(server, '/api/app.state');
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('reads the page afresh each time, so a rebuilt app is what the next load gets', async () => {
    const { server, renderer } = await start();
    expect((await get(server, '/')).body.toString()).toContain('<title>SID</title>');
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SID rebuilt</title>');
    expect((await get(server, '/')).body.toString()).toContain('<title>SID rebuilt</title>');
  });

  it('still answers a file that is not there with 404, and finds it once it is', async () => {
    const { server, renderer } = await start();
    expect((await get(server, '/assets/late-Zz99.js')).status).toBe(404);
    writeFileSync(join(renderer, 'assets', 'late-Zz99.js'), 'export {};');
    expect((await get(server, '/assets/late-Zz99.js')).status).toBe(200);
    expect((await get(server, '/assets/../../secret.txt')).status).toBe(404);
  });
});

describe('Accept-Encoding', () => {
  it('takes what the browser names, leaving out what it refuses', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
