import type { Problem, RegisterPreview } from '../../shared/api/contract';
import { describeSchool, diffRecords } from '../../shared/domain/changes';
import { parseDfe } from '../../shared/domain/dfe';
import { checkSchool, type SchoolDraft, type SchoolFields } from '../../shared/domain/school';
import { writeAudit } from '../data/audit';
import { backUp, backupPath } from '../data/database';
import {
  insertDistrict,
  insertDoubleDistrict,
  insertPerson,
  readOrganisation,
  setRoles,
} from '../data/organisation';
import { insertSchool, listSchools, updateSchool } from '../data/schools';
import type { ParsedRegister, RegisterColumn } from '../workbooks/schools-register';
import type { Ctx } from './context';

const FIELD_COLUMN: Record<keyof SchoolDraft, RegisterColumn> = {
  dfe: 'DfE No',
  urn: 'URN',
  name: 'School name',
  type: 'Type',
  phase: 'Phase',
  districtId: 'District',
  diocese: 'Diocese',
  numberOnRoll: 'Number on roll',
  headteacher: 'Headteacher',
  chairOfGovernors: 'Chair of governors',
  sipId: 'SIP',
  postcode: 'Postcode',
};

interface PlannedSchool {
  existingId: number | null;
  fields: SchoolFields;
  district: string;
  sip: string | null;
  summary: ReturnType<typeof describeSchool>;
  changes: ReturnType<typeof diffRecords>;
}

export interface RegisterPlan {
  preview: RegisterPreview;
  schools: PlannedSchool[];
  /** District name → its double district, for districts to add or move. */
  districtMoves: Map<string, string>;
}

const key = (name: string) => name.trim().toLowerCase();

/** Checks the whole workbook against the file and works out every change, writing nothing. */
export function planRegisterImport(ctx: Ctx, parsed: ParsedRegister): RegisterPlan {
  const problems: Problem[] = [...parsed.problems];
  const org = readOrganisation(ctx.db);
  const doubleById = new Map(org.doubleDistricts.map((dd) => [dd.id, dd.name]));
  const knownDoubles = new Map(org.doubleDistricts.map((dd) => [key(dd.name), dd.name]));
  const knownDistricts = new Map(
    org.districts.map((d) => [
      key(d.name),
      { name: d.name, doubleDistrict: doubleById.get(d.doubleDistrictId) ?? '' },
    ]),
  );

  // Districts sheet: what the workbook says each district belongs to.
  const sheetDistricts = new Map<string, { name: string; doubleDistrict: string; where: string }>();
  for (const row of parsed.districts) {
    const earlier = sheetDistricts.get(key(row.district));
    if (earlier && key(earlier.doubleDistrict) !== key(row.doubleDistrict)) {
      problems.push({
        where: row.where,
        message: `District "${row.district}" is listed twice, under "${earlier.doubleDistrict}" and "${row.doubleDistrict}".`,
      });
      continue;
    }
    const doubleName = knownDoubles.get(key(row.doubleDistrict)) ?? row.doubleDistrict;
    sheetDistricts.set(key(row.district), {
      name: knownDistricts.get(key(row.district))?.name ?? row.district,
      doubleDistrict: doubleName,
      where: row.where,
    });
  }
  const districtMoves = new Map<string, string>();
  const districtChanges: RegisterPreview['districtChanges'] = [];
  for (const entry of sheetDistricts.values()) {
    const known = knownDistricts.get(key(entry.name));
    if (known && key(known.doubleDistrict) === key(entry.doubleDistrict)) continue;
    districtMoves.set(entry.name, entry.doubleDistrict);
    districtChanges.push({
      district: entry.name,
      doubleDistrict: entry.doubleDistrict,
      before: known?.doubleDistrict ?? null,
    });
  }
  const newDoubleDistricts = [
    ...new Set([...districtMoves.values()].filter((name) => !knownDoubles.has(key(name)))),
  ];

  const people = new Map(org.people.map((p) => [key(p.name), p]));
  const existing = new Map(listSchools(ctx.db).map((s) => [s.dfe, s]));
  const existingByUrn = new Map([...existing.values()].filter((s) => s.urn !== null).map((s) => [s.urn, s]));
  const dfesInFile = new Set(parsed.rows.map((r) => parseDfe(r.values['DfE No'])));
  const seenDfe = new Map<string, string>();
  const seenUrn = new Map<number, string>();
  const newSips = new Set<string>();
  const schools: PlannedSchool[] = [];

  for (const row of parsed.rows) {
    const v = row.values;
    const districtName =
      sheetDistricts.get(key(v.District))?.name ?? knownDistricts.get(key(v.District))?.name;
    const checked = checkSchool({
      dfe: v['DfE No'],
      urn: v.URN,
      name: v['School name'],
      type: v.Type,
      phase: v.Phase,
      districtId: districtName === undefined ? null : 0,
      diocese: v.Diocese,
      numberOnRoll: v['Number on roll'],
      headteacher: v.Headteacher,
      chairOfGovernors: v['Chair of governors'],
      sipId: null,
      postcode: v.Postcode,
    });
    if (!checked.ok) {
      for (const [field, message] of Object.entries(checked.errors)) {
        const column = FIELD_COLUMN[field as keyof SchoolDraft];
        const text =
          field === 'districtId'
            ? v.District === ''
              ? 'District is required.'
              : `District "${v.District}" is neither on the Districts sheet nor in this file.`
            : `${message}.`;
        problems.push({ where: row.cell[column], message: text });
      }
      continue;
    }
    const fields = checked.fields;
    const firstDfe = seenDfe.get(fields.dfe);
    if (firstDfe) {
      problems.push({
        where: row.cell['DfE No'],
        message: `DfE number ${fields.dfe} is used twice (also at ${firstDfe}).`,
      });
      continue;
    }
    seenDfe.set(fields.dfe, row.cell['DfE No']);
    if (fields.urn !== null) {
      const firstUrn = seenUrn.get(fields.urn);
      const holder = existingByUrn.get(fields.urn);
      if (firstUrn) {
        problems.push({
          where: row.cell.URN,
          message: `URN ${fields.urn} is used twice (also at ${firstUrn}).`,
        });
        continue;
      }
      seenUrn.set(fields.urn, row.cell.URN);
      // A URN may pass from one school to another only when the file also gives the first school its new one.
      if (holder && holder.dfe !== fields.dfe && !dfesInFile.has(holder.dfe)) {
        problems.push({
          where: row.cell.URN,
          message: `URN ${fields.urn} already belongs to ${holder.name} (${holder.dfe}).`,
        });
        continue;
      }
    }
    const sip = v.SIP === '' ? null : (people.get(key(v.SIP))?.name ?? v.SIP);
    if (sip !== null && !people.has(key(sip))) newSips.add(sip);
    const before = existing.get(fields.dfe);
    const summary = describeSchool({ ...fields, district: districtName ?? v.District, sip });
    const changes = before ? diffRecords(describeSchool(before), summary) : [];
    schools.push({
      existingId: before?.id ?? null,
      fields,
      district: districtName ?? v.District,
      sip,
      summary,
      changes,
    });
  }
  if (parsed.rows.length === 0 && parsed.problems.length === 0) {
    problems.push({ where: 'Schools', message: 'The Schools sheet has no schools on it.' });
  }

  return {
    schools,
    districtMoves,
    preview: {
      problems,
      newSchools: schools
        .filter((s) => s.existingId === null)
        .map((s) => ({ dfe: s.fields.dfe, name: s.fields.name, district: s.district })),
      changedSchools: schools
        .filter((s) => s.existingId !== null && s.changes.length > 0)
        .map((s) => ({ dfe: s.fields.dfe, name: s.fields.name, changes: s.changes })),
      unchangedCount: schools.filter((s) => s.existingId !== null && s.changes.length === 0).length,
      districtChanges,
      newDoubleDistricts,
      newSips: [...newSips].sort(),
    },
  };
}

/**
 * Applies a plan with no problems, all in one transaction. A file that already holds schools is
 * backed up first, since an import can change hundreds of records at once.
 */
export function applyRegisterPlan(ctx: Ctx, plan: RegisterPlan): { backup: string | null } {
  const { db } = ctx;
  const { preview } = plan;
  const nothingToDo =
    preview.newSchools.length + preview.changedSchools.length + preview.districtChanges.length === 0 &&
    preview.newSips.length === 0;
  if (nothingToDo) return { backup: null };
  const hasSchools = (db.prepare('SELECT count(*) AS n FROM schools').get() as { n: number }).n > 0;
  const backup = hasSchools ? backUp(db, backupPath(ctx.path, 'before-import', ctx.now())) : null;

  db.transaction(() => {
    const org = readOrganisation(db);
    const doubles = new Map(org.doubleDistricts.map((dd) => [key(dd.name), dd.id]));
    const districts = new Map(org.districts.map((d) => [key(d.name), d.id]));
    for (const [district, doubleName] of plan.districtMoves) {
      let doubleId = doubles.get(key(doubleName));
      if (doubleId === undefined) {
        doubleId = insertDoubleDistrict(db, doubleName);
        doubles.set(key(doubleName), doubleId);
      }
      let districtId = districts.get(key(district));
      const before = org.districts.find((d) => d.id === districtId);
      if (districtId === undefined) {
        districtId = insertDistrict(db, district, doubleId);
        districts.set(key(district), districtId);
      } else db.prepare('UPDATE districts SET double_district_id = ? WHERE id = ?').run(doubleId, districtId);
      writeAudit(db, ctx, {
        entity: 'district',
        entityId: districtId,
        action: 'import',
        summary: `${before ? 'Moved' : 'Added'} ${district} from the register workbook`,
        changes: [
          {
            field: 'Double district',
            before: org.doubleDistricts.find((dd) => dd.id === before?.doubleDistrictId)?.name ?? null,
            after: doubleName,
          },
        ],
      });
    }
    const people = new Map(org.people.map((p) => [key(p.name), p]));
    for (const name of plan.preview.newSips) {
      const id = insertPerson(db, name, ['SIP']);
      people.set(key(name), { id, name, roles: ['SIP'] });
      writeAudit(db, ctx, {
        entity: 'person',
        entityId: id,
        action: 'import',
        summary: `Added ${name} as a SIP from the register workbook`,
        changes: [{ field: 'Roles', before: null, after: 'SIP' }],
      });
    }
    for (const planned of plan.schools) {
      if (planned.existingId !== null && planned.changes.length === 0) continue;
      const sipPerson = planned.sip === null ? undefined : people.get(key(planned.sip));
      if (sipPerson && !sipPerson.roles.includes('SIP')) {
        setRoles(db, sipPerson.id, [...sipPerson.roles, 'SIP']);
        sipPerson.roles = [...sipPerson.roles, 'SIP'];
      }
      const districtId = districts.get(key(planned.district));
      if (districtId === undefined)
        throw new Error(`District ${planned.district} vanished during the import`);
      const fields = { ...planned.fields, districtId, sipId: sipPerson?.id ?? null };
      const id = planned.existingId ?? insertSchool(db, fields);
      if (planned.existingId !== null) updateSchool(db, id, fields);
      writeAudit(db, ctx, {
        entity: 'school',
        entityId: id,
        action: 'import',
        summary:
          planned.existingId === null
            ? `Added ${fields.name} from the register workbook`
            : 'Updated from the register workbook',
        changes: planned.existingId === null ? diffRecords(null, planned.summary) : planned.changes,
      });
    }
  })();
  return { backup };
}
