import type { appOps } from '../../shared/api/app';
import type { HandlersOf } from './context';

export const appHandlers: HandlersOf<typeof appOps> = {
  'app.state': (_, s) => s.state(),
  'app.create': ({ path, demo }, s) => s.open(path, { create: true, demo }),
  'app.open': ({ path, readOnly }, s) => s.open(path, { create: false, readOnly }),
  'app.close': (_, s) => s.close(),
  'app.setDisplayName': ({ name }, s) => s.setDisplayName(name),
};
