import { ApiError } from '../../shared/api/errors';
import type { profilesOps } from '../../shared/api/profiles';
import { termLabel } from '../../shared/domain/calendar';
import { profileFor, profiles } from '../data/profiles';
import { deleteRecord, saveRecord } from '../data/write';
import type { HandlersOf } from './context';
import { requireSchool } from './schools';

export const profilesHandlers: HandlersOf<typeof profilesOps> = {
  /** One profile per school and term: a second is refused, naming the first, never laid over it. */
  'profiles.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, profiles, id, draft, {
      check: () => {
        requireSchool(ctx, draft.schoolId);
        const held = profileFor(ctx.db, draft);
        if (held && held.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `This school already has a termly profile for ${termLabel(draft)} (profile ${held.id}); correct that one instead.`,
            fields: { term: `Already recorded for ${termLabel(draft)}` },
          });
      },
    });
    return { ...saved, label: termLabel(saved) };
  },
  'profiles.delete': ({ id }, s) => deleteRecord(s.ctx(), profiles, id),
};
