import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
// Images and fonts are compressed already; text shrinks to a fifth or less.
const TEXT = new Set(['.html', '.js', '.css', '.svg']);

export type Encoding = 'br' | 'gzip';

/** The encodings a browser accepts (`Accept-Encoding`), leaving out any it refuses with q=0. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

interface Kept {
  body: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

// Quality 5 compresses a large bundle in tens of milliseconds, almost as small as the slowest setting.
const brotli = (data: Buffer) =>
  promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
const gzipped = (data: Buffer) => promisify(gzip)(data, { level: 6 });
const smaller = (packed: Buffer, body: Buffer) => (packed.length < body.length ? packed : null);

/**
 * The renderer's files as the browser is sent them. A built file under `assets/` has a hash of its
 * content in its name, so it is read and compressed once and the browser may keep it for good;
 * `index.html` names the current ones, so it is read afresh every time and never kept.
 */
export class RendererFiles {
  private readonly kept = new Map<string, Promise<Kept>>();

  constructor(private readonly dir: string) {}

  static typeOf(relative: string): string {
    return TYPES[extname(relative)] ?? 'application/octet-stream';
  }

  static isLasting(relative: string): boolean {
    return /^assets[/\\]/.test(relative);
  }

  /** The file's bytes, compressed as the browser accepts where that makes them smaller; throws if missing. */
  async read(relative: string, acceptEncoding: string | undefined) {
    if (!RendererFiles.isLasting(relative))
      return { body: await readFile(join(this.dir, relative)), encoding: null };
    let kept = this.kept.get(relative);
    if (!kept) {
      kept = this.pack(relative);
      this.kept.set(relative, kept);
      kept.catch(() => this.kept.delete(relative)); // a missing file is looked for again next time
    }
    const { body, br, gzip: gz } = await kept;
    const accepted = acceptedEncodings(acceptEncoding);
    if (br && accepted.has('br')) return { body: br, encoding: 'br' as Encoding };
    if (gz && accepted.has('gzip')) return { body: gz, encoding: 'gzip' as Encoding };
    return { body, encoding: null };
  }

  /** Compresses every built file ahead of the first page, off the main thread (zlib's own threads). */
  async prepare(): Promise<void> {
    const names = await readdir(join(this.dir, 'assets')).catch(() => []);
    for (const name of names) await this.read(join('assets', name), undefined).catch(() => undefined);
  }

  private async pack(relative: string): Promise<Kept> {
    const body = await readFile(join(this.dir, relative));
    if (!TEXT.has(extname(relative))) return { body, br: null, gzip: null };
    const [br, gz] = await Promise.all([brotli(body), gzipped(body)]);
    return { body, br: smaller(br, body), gzip: smaller(gz, body) };
  }
}
