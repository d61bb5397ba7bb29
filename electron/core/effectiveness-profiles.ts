import { ApiError } from '../../shared/api/errors';
import type { effectivenessProfilesOps } from '../../shared/api/effectiveness-profiles';
import { academicYearLabel } from '../../shared/domain/calendar';
import { WELSH_ELEMENTS } from '../../shared/domain/effectiveness';
import {
  effectivenessProfiles,
  profileFor,
  profilesOfSchool,
  type StoredEffectivenessProfile,
} from '../data/effectiveness-profiles';
import { deleteRecord, saveRecord } from '../data/write';
import type { HandlersOf } from './context';
import { requireSchool } from './schools';

const withLabel = (p: StoredEffectivenessProfile) => ({ ...p, label: academicYearLabel(p.academicYear) });

export const effectivenessProfilesHandlers: HandlersOf<typeof effectivenessProfilesOps> = {
  'effectivenessProfiles.elements': () => WELSH_ELEMENTS.map((e) => ({ code: e.code, label: e.label })),
  'effectivenessProfiles.list': ({ schoolId }, s) => {
    const ctx = s.ctx();
    requireSchool(ctx, schoolId);
    return profilesOfSchool(ctx.db, schoolId).map(withLabel);
  },
  'effectivenessProfiles.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, effectivenessProfiles, id, draft, {
      check: () => {
        requireSchool(ctx, draft.schoolId);
        const held = profileFor(ctx.db, draft.schoolId, draft.academicYear);
        if (held && held.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `This school already has a profile for ${academicYearLabel(draft.academicYear)} (profile ${held.id}); correct that one instead.`,
            fields: { academicYear: 'Already recorded' },
          });
      },
    });
    return withLabel(saved);
  },
  'effectivenessProfiles.delete': ({ id }, s) => deleteRecord(s.ctx(), effectivenessProfiles, id),
};
