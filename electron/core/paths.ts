import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `resources/` beside the built code (out/main → ../../resources, or from a shared chunk in
 * out/main/chunks → ../../../resources), or where packaging put it.
 */
export function resourcesDir(): string {
  if (process.env.SID_RESOURCES) return process.env.SID_RESOURCES;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    resolve(here, '../../resources'),
    resolve(here, '../../../resources'),
    resolve(here, '../resources'),
    resolve('resources'),
  ];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.unshift(join(packaged, 'resources'));
  return candidates.find((dir) => existsSync(join(dir, 'templates'))) ?? resolve('resources');
}
