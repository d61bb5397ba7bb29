import type { appOps } from '../../shared/api/app';
import type { HandlersOf } from './context';
import { setDisplayName } from './settings';

export const appHandlers: HandlersOf<typeof appOps> = {
  'app.state': (_, s) => s.state(),
  'app.create': ({ path, demo }, s) => s.open(path, { create: true, demo }),
  'app.open': ({ path, readOnly }, s) => s.open(path, { create: false, readOnly }),
  'app.close': (_, s) => s.close(),
  'app.setDisplayName': ({ name }, s) => {
    setDisplayName(name);
    return s.state();
  },
};
