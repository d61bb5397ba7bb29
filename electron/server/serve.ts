import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resourcesDir } from '../core/paths';
import { Session } from '../core/session';
import { startServer } from './http';

// `npm run serve`: the whole app in a browser, on this machine only.
const session = new Session(resourcesDir());
const port = Number(process.env.SID_PORT ?? 0);
const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
const { url } = await startServer(session, rendererDir, port);
const dbArg = process.argv.indexOf('--db');
if (dbArg > 0 && process.argv[dbArg + 1])
  await session.open(process.argv[dbArg + 1] as string, { create: false });
console.log(`School Improvement Desk is running at ${url}`);
console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
