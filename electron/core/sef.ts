import { ApiError } from '../../shared/api/errors';
import type { SefDraft, sefOps } from '../../shared/api/sef';
import { WELSH_GRADES_REFUSED } from '../../shared/domain/effectiveness';
import { formatDate } from '../../shared/domain/format';
import type { Framework } from '../../shared/domain/sef';
import { writeAudit } from '../data/audit';
import { activeFramework, frameworks, sefEntries, sefs, setActiveFramework } from '../data/sef';
import { deleteRecord, saveRecord, write } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { requireSchool } from './schools';
import { applySefGridUpload, exportSefGrid, previewSefGridUpload } from './sef-grid';

export function currentFramework(ctx: Ctx): Framework {
  const code = activeFramework(ctx.db);
  return frameworks(ctx.db).find((f) => f.code === code)!;
}

function invalid(message: string, field: string): never {
  throw new ApiError({ code: 'invalid_input', message: `${message}.`, fields: { [field]: message } });
}

/** A SEF's grades against its framework, and one SEF per school and date. */
function checkSef(ctx: Ctx, id: number | undefined, d: SefDraft, held: { framework: string } | undefined) {
  requireSchool(ctx, d.schoolId);
  const active = activeFramework(ctx.db);
  const framework = frameworks(ctx.db).find((f) => f.code === (held?.framework ?? active))!;
  if (held && held.framework !== active)
    throw new ApiError({
      code: 'conflict',
      message: 'That SEF was recorded against another framework; switch back to it to correct it.',
    });
  const unknown = Object.keys(d.grades).filter((code) => !framework.judgements.some((j) => j.code === code));
  if (unknown.length)
    invalid(`${framework.name} has no judgement ${unknown.map((u) => `"${u}"`).join(', ')}`, 'grades');
  const missing = framework.judgements.filter((j) => !j.optional && d.grades[j.code] === undefined);
  if (missing.length) invalid(`Give a grade for ${missing.map((m) => m.label).join(', ')}`, 'grades');
  const clash = sefEntries(ctx.db, { schoolId: d.schoolId, framework: framework.code }).find(
    (e) => e.id !== id && e.sefOn === d.sefOn,
  );
  if (clash)
    throw new ApiError({
      code: 'conflict',
      message: `This school already has a SEF dated ${formatDate(d.sefOn)} (SEF ${clash.id}); correct that one instead.`,
      fields: { sefOn: 'Already recorded' },
    });
}

export const sefHandlers: HandlersOf<typeof sefOps> = {
  'sef.frameworks': (_, s) => {
    const ctx = s.ctx();
    return {
      active: activeFramework(ctx.db),
      frameworks: frameworks(ctx.db).map((f) => ({ ...f, judgements: [...f.judgements] })),
    };
  },
  'sef.setFramework': ({ code }, s) => {
    const ctx = s.ctx();
    const chosen = frameworks(ctx.db).find((f) => f.code === code);
    if (code === 'welsh-six-elements')
      throw new ApiError({ code: 'rejected', message: `${WELSH_GRADES_REFUSED}.` });
    if (!chosen) throw new ApiError({ code: 'invalid_input', message: 'Choose a framework from the list.' });
    write(ctx, () => {
      const before = frameworks(ctx.db).find((f) => f.code === activeFramework(ctx.db))!;
      if (before.code === code) return;
      setActiveFramework(ctx.db, code);
      writeAudit(ctx.db, ctx, {
        entity: 'settings',
        entityId: 1,
        schoolId: null,
        action: 'edit',
        summary: 'Changed the SEF framework',
        changes: [{ field: 'SEF framework', before: before.name, after: chosen.name }],
      });
    });
    return code;
  },
  'sef.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, sefs, id, draft, {
      check: (before) => checkSef(ctx, id, draft, before),
      summary: (after, before) =>
        `SEF of ${formatDate(after.sefOn)} ${before ? 'corrected' : 'recorded'}${after.validated ? ', validated by the SIP' : ''}`,
    });
  },
  'sef.delete': ({ id }, s) => deleteRecord(s.ctx(), sefs, id),

  'sefGrid.preview': ({ dataBase64 }, s) => previewSefGridUpload(s.ctx(), dataBase64),
  'sefGrid.apply': ({ dataBase64 }, s) => applySefGridUpload(s.ctx(), dataBase64),
  'sefGrid.export': ({ doubleDistrictId, term }, s) =>
    exportSefGrid(s.ctx(), s.template('sef-grid.xlsx'), doubleDistrictId, term),
};
