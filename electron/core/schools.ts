import { ApiError, type SchoolRow } from '../../shared/api/contract';
import { describeSchool, diffRecords } from '../../shared/domain/changes';
import { checkSchool, type SchoolDraft } from '../../shared/domain/school';
import { writeAudit } from '../data/audit';
import { findClash, getSchool, insertSchool, setClosedOn, updateSchool } from '../data/schools';
import type { Ctx } from './context';

export function requireSchool(ctx: Ctx, id: number): SchoolRow {
  const school = getSchool(ctx.db, id);
  if (!school) throw new ApiError({ code: 'not_found', message: `There is no school with id ${id}.` });
  return school;
}

export function saveSchool(ctx: Ctx, id: number | undefined, draft: SchoolDraft): SchoolRow {
  const checked = checkSchool(draft);
  if (!checked.ok) {
    throw new ApiError({
      code: 'invalid_input',
      message: 'Some fields need attention.',
      fields: checked.errors,
    });
  }
  const fields = checked.fields;
  const { db } = ctx;
  return db.transaction(() => {
    const before = id === undefined ? null : requireSchool(ctx, id);
    if (!db.prepare('SELECT 1 FROM districts WHERE id = ?').get(fields.districtId)) {
      throw new ApiError({
        code: 'invalid_input',
        message: 'Choose a district.',
        fields: { districtId: 'Unknown district' },
      });
    }
    if (fields.sipId !== null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(fields.sipId)) {
      throw new ApiError({
        code: 'invalid_input',
        message: 'Choose a SIP.',
        fields: { sipId: 'Unknown person' },
      });
    }
    const clash = findClash(db, fields, id);
    if (clash.dfe !== undefined || clash.urn !== undefined) {
      const errors: Record<string, string> = {};
      if (clash.dfe !== undefined) errors.dfe = `${fields.dfe} is already used by ${clash.dfe}`;
      if (clash.urn !== undefined) errors.urn = `URN ${fields.urn} is already used by ${clash.urn}`;
      throw new ApiError({
        code: 'conflict',
        message: 'Another school has the same number.',
        fields: errors,
      });
    }
    const savedId = id ?? insertSchool(db, fields);
    if (id !== undefined) updateSchool(db, id, fields);
    const after = requireSchool(ctx, savedId);
    const changes = diffRecords(before && describeSchool(before), describeSchool(after));
    if (changes.length > 0) {
      writeAudit(db, ctx, {
        entity: 'school',
        entityId: savedId,
        action: before ? 'edit' : 'add',
        summary: before ? `Changed ${changes.map((c) => c.field).join(', ')}` : `Added ${after.name}`,
        changes,
      });
    }
    return after;
  })();
}

export function setSchoolClosed(ctx: Ctx, id: number, closed: boolean): SchoolRow {
  return ctx.db.transaction(() => {
    const before = requireSchool(ctx, id);
    if ((before.closedOn !== null) === closed) return before;
    const closedOn = closed ? ctx.now().toISOString().slice(0, 10) : null;
    setClosedOn(ctx.db, id, closedOn);
    writeAudit(ctx.db, ctx, {
      entity: 'school',
      entityId: id,
      action: closed ? 'close' : 'reopen',
      summary: closed ? 'Closed the school' : 'Reopened the school',
      changes: [{ field: 'Closed on', before: before.closedOn, after: closedOn }],
    });
    return requireSchool(ctx, id);
  })();
}
