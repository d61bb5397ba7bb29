import type { WarningNoticeRow, warningNoticesOps } from '../../shared/api/warning-notices';
import { formatDate } from '../../shared/domain/format';
import { responseDueOn } from '../../shared/domain/warning-notices';
import { listWarningNotices, warningNotices, type StoredWarningNotice } from '../data/warning-notices';
import { deleteRecord, saveRecord } from '../data/write';
import type { HandlersOf } from './context';
import { requireSchool } from './schools';

/** A notice with the end of the school's initial period, worked out from the day it was given. */
export const noticeRow = (w: StoredWarningNotice): WarningNoticeRow => ({
  ...w,
  responseDueOn: w.givenOn === null ? null : responseDueOn(w.givenOn),
});

export const warningNoticesHandlers: HandlersOf<typeof warningNoticesOps> = {
  'warningNotices.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, warningNotices, id, draft, {
      check: () => requireSchool(ctx, draft.schoolId),
      summary: (after, before) => {
        if (before) return `Corrected the ${warningNotices.title(after)}`;
        return after.givenOn
          ? `Warning notice given to ${after.school} on ${formatDate(after.givenOn)}; response due ${formatDate(responseDueOn(after.givenOn))}`
          : `Recorded a warning notice in preparation for ${after.school}`;
      },
    });
    return noticeRow(saved);
  },
  'warningNotices.list': (filter, s) => listWarningNotices(s.ctx().db, filter).map(noticeRow),
  'warningNotices.delete': ({ id }, s) => deleteRecord(s.ctx(), warningNotices, id),
};
