import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { normalize } from 'node:path';
import { invoke } from '../core/handlers';
import type { Session } from '../core/session';
import { RendererFiles } from './assets';

// The same policy the Electron window enforces: nothing from anywhere but this server.
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MAX_BODY = 32 * 1024 * 1024;

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new TooLarge());
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: the renderer's files and the API on 127.0.0.1 at a random port. Every API call must
 * carry this run's random token, and the Host header must be ours, so neither another local user's
 * page nor a DNS-rebinding site can reach the data.
 */
export async function startServer(session: Session, rendererDir: string, port = 0) {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  const files = new RendererFiles(rendererDir);
  const server: Server = createServer((req, res) => {
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(body);
    };
    void (async () => {
      if (req.headers.host !== origin.replace('http://', '')) return send(421, 'text/plain', 'Wrong host');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(405, 'text/plain', 'POST only');
        // Another site's page in the same browser may send requests here: only the app's own page may.
        if (req.headers.origin !== undefined && req.headers.origin !== origin)
          return send(403, 'text/plain', 'Forbidden');
        let op: string;
        try {
          op = decodeURIComponent(url.pathname.slice(5));
        } catch {
          return send(400, 'text/plain', 'Bad request');
        }
        if (!sameToken(req.headers['x-sid-token'] as string | undefined, token)) {
          return send(
            401,
            'application/json',
            JSON.stringify({
              ok: false,
              error: { code: 'invalid_input', message: 'Missing or wrong token' },
            }),
          );
        }
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch (error) {
          if (error instanceof TooLarge) return send(413, 'text/plain', 'Too large');
          return send(
            400,
            'application/json',
            JSON.stringify({
              ok: false,
              error: { code: 'invalid_input', message: 'The request was not JSON' },
            }),
          );
        }
        const result = await invoke(session, op, input);
        return send(200, 'application/json', JSON.stringify(result));
      }
      const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(
        /^([/\\])+/,
        '',
      );
      if (relative.startsWith('..')) return send(404, 'text/plain', 'Not found');
      try {
        const { body, encoding } = await files.read(relative, req.headers['accept-encoding']);
        return send(200, RendererFiles.typeOf(relative), body, {
          ...(encoding ? { 'Content-Encoding': encoding } : {}),
          Vary: 'Accept-Encoding',
          // A built file's name changes with its content: the browser need never ask for it again.
          ...(RendererFiles.isLasting(relative)
            ? { 'Cache-Control': 'public, max-age=31536000, immutable' }
            : {}),
        });
      } catch {
        return send(404, 'text/plain', 'Not found');
      }
    })().catch((error: unknown) => send(500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  void files.prepare();
  return { server, token, origin, url: `${origin}/#token=${token}` };
}
