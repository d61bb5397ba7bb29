import type { z } from 'zod';
import type { Problem } from '../../shared/api/errors';
import { districtDraft, doubleDistrictDraft, personDraft } from '../../shared/api/organisation';
import type { RegisterPreview, registerOps } from '../../shared/api/register';
import { describeSchool, diffRecords } from '../../shared/domain/changes';
import { parseDfe } from '../../shared/domain/dfe';
import { shorten } from '../../shared/domain/fields';
import { londonDate } from '../../shared/domain/format';
import { checkSchool, SCHOOL_LABELS, type SchoolDraft, type SchoolFields } from '../../shared/domain/school';
import { districts, doubleDistricts, people, readOrganisation } from '../data/organisation';
import { holdsSchools, listSchools, releaseNumbers, schools } from '../data/schools';
import { saveRecord, writeWhole } from '../data/write';
import type { SchoolsField } from '../workbooks/layouts/schools-register';
import { listed } from '../workbooks/problems';
import { offThread } from '../workbooks/off-thread';
import { unpackRows } from '../workbooks/packed-rows';
import type { DistrictRow, ParsedRegister } from '../workbooks/schools-register';
import type { Ctx, HandlersOf } from './context';
import {
  backUpBefore,
  planMark,
  PreviewedPlans,
  refuseIfStale,
  refuseReadOnly,
  refuseWithProblems,
} from './imports';
import { reachStage } from './progress';

/** Where each of the school form's fields sits on the Schools sheet. */
const FIELD_COLUMN: Record<keyof SchoolDraft, SchoolsField> = {
  dfe: 'dfe',
  urn: 'urn',
  name: 'name',
  type: 'type',
  phase: 'phase',
  districtId: 'district',
  diocese: 'diocese',
  numberOnRoll: 'numberOnRoll',
  headteacher: 'headteacher',
  chairOfGovernors: 'chairOfGovernors',
  sipId: 'sip',
  postcode: 'postcode',
};

/** A rule's "Label: reason" message for a cell, quoting the value (shortened) when it does not already. */
function refusal(message: string, label: string, value: string): string {
  const prefix = `${label}: `;
  if (value.trim() === '' || !message.startsWith(prefix)) return `${message}.`;
  return `${label} "${shorten(value)}": ${message.slice(prefix.length)}.`;
}

/** A name the import would store, checked by the rule its form uses; the problem, if any. */
function nameRefusal(rule: z.ZodType, label: string, value: string): string | null {
  const checked = rule.safeParse(value);
  if (checked.success) return null;
  const reason = checked.error.issues[0]?.message ?? 'This is not allowed';
  return refusal(`${label}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, label, value);
}

interface PlannedSchool {
  existingId: number | null;
  fields: SchoolFields;
  district: string;
  sip: string | null;
  changes: ReturnType<typeof diffRecords>;
}

export interface RegisterPlan {
  preview: RegisterPreview;
  schools: PlannedSchool[];
  /** District name → its double district, for districts to add or move. */
  districtMoves: Map<string, string>;
  /** The file's write mark when the plan was read: applied only if nothing was written since. */
  readAt: string;
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * Checks the whole workbook against the file and works out every change, writing nothing. Every
 * value the apply would store meets here the same rules its save will (the forms' rules), so a
 * preview with no problems is one the apply accepts.
 */
export function planRegisterImport(ctx: Ctx, parsed: ParsedRegister): RegisterPlan {
  const readAt = planMark(ctx);
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
  const sheetDistricts = new Map<
    string,
    { name: string; doubleDistrict: string; cell: DistrictRow['cell'] }
  >();
  for (const { values, cell } of parsed.districts) {
    const earlier = sheetDistricts.get(key(values.district));
    if (earlier && key(earlier.doubleDistrict) !== key(values.doubleDistrict)) {
      problems.push({
        where: cell.district,
        message: `District "${shorten(values.district)}" is listed twice, under "${shorten(earlier.doubleDistrict)}" and "${shorten(values.doubleDistrict)}".`,
      });
      continue;
    }
    sheetDistricts.set(key(values.district), {
      name: knownDistricts.get(key(values.district))?.name ?? values.district,
      doubleDistrict: knownDoubles.get(key(values.doubleDistrict)) ?? values.doubleDistrict,
      cell,
    });
  }
  const districtMoves = new Map<string, string>();
  const districtChanges: RegisterPreview['districtChanges'] = [];
  for (const entry of sheetDistricts.values()) {
    const known = knownDistricts.get(key(entry.name));
    if (known && key(known.doubleDistrict) === key(entry.doubleDistrict)) continue;
    // Each district and double district this writes is checked as the Organisation page checks it.
    const badDistrict = nameRefusal(districtDraft.shape.name, 'District', entry.name);
    if (badDistrict) problems.push({ where: entry.cell.district, message: badDistrict });
    const badDouble = knownDoubles.has(key(entry.doubleDistrict))
      ? null
      : nameRefusal(doubleDistrictDraft.shape.name, 'Double district', entry.doubleDistrict);
    if (badDouble) problems.push({ where: entry.cell.doubleDistrict, message: badDouble });
    districtMoves.set(entry.name, entry.doubleDistrict);
    districtChanges.push({
      district: entry.name,
      doubleDistrict: entry.doubleDistrict,
      before: known?.doubleDistrict ?? null,
    });
  }
  const newDoubleDistricts = [
    ...new Map(
      [...districtMoves.values()].filter((name) => !knownDoubles.has(key(name))).map((n) => [key(n), n]),
    ).values(),
  ];

  const knownPeople = new Map(org.people.map((p) => [key(p.name), p]));
  const existing = new Map(listSchools(ctx.db).map((s) => [s.dfe, s]));
  const existingByUrn = new Map([...existing.values()].filter((s) => s.urn !== null).map((s) => [s.urn, s]));
  const dfesInFile = new Set(parsed.rows.map((r) => parseDfe(r.values.dfe)));
  const seenDfe = new Map<string, string>();
  const seenUrn = new Map<number, string>();
  // One new person per name, however its case varies: names are unique regardless of case.
  const newSips = new Map<string, string>();
  const schools: PlannedSchool[] = [];
  // Many schools share a SIP: each name is checked once, as the Organisation page would check it.
  const sipRefusals = new Map<string, string | null>();
  const sipRefusal = (name: string) => {
    let refused = sipRefusals.get(name);
    if (refused === undefined) {
      refused = nameRefusal(personDraft.shape.name, SCHOOL_LABELS.sipId, name);
      sipRefusals.set(name, refused);
    }
    return refused;
  };

  // A cell that could not be read is already a problem; its row is not judged on a blank it never had.
  const unreadable = new Set(parsed.problems.map((p) => p.where));
  for (const row of parsed.rows) {
    if (unreadable.size > 0 && Object.values(row.cell).some((where) => unreadable.has(where))) continue;
    const v = row.values;
    const districtName =
      sheetDistricts.get(key(v.district))?.name ?? knownDistricts.get(key(v.district))?.name;
    const checked = checkSchool({
      dfe: v.dfe,
      urn: v.urn,
      name: v.name,
      type: v.type,
      phase: v.phase,
      // The district is found by name; its id is known only when the import is written.
      districtId: districtName === undefined ? null : 1,
      diocese: v.diocese,
      numberOnRoll: v.numberOnRoll,
      headteacher: v.headteacher,
      chairOfGovernors: v.chairOfGovernors,
      sipId: null,
      postcode: v.postcode,
    });
    // A SIP who is new, or who is given the SIP role, is saved as the Organisation page saves people.
    const person = knownPeople.get(key(v.sip));
    const sip = v.sip === '' ? null : (person?.name ?? v.sip);
    const badSip = sip === null || person?.roles.includes('SIP') ? null : sipRefusal(sip);
    if (badSip) problems.push({ where: row.cell.sip, message: badSip });
    if (!checked.ok) {
      for (const [field, message] of Object.entries(checked.errors)) {
        const column = FIELD_COLUMN[field as keyof SchoolDraft];
        const text =
          field === 'districtId'
            ? v.district === ''
              ? 'District is required.'
              : `District "${shorten(v.district)}" is neither on the Districts sheet nor in this file.`
            : refusal(message, SCHOOL_LABELS[field as keyof SchoolDraft], v[column]);
        problems.push({ where: row.cell[column], message: text });
      }
      continue;
    }
    if (badSip) continue;
    const fields = checked.fields;
    const firstDfe = seenDfe.get(fields.dfe);
    if (firstDfe) {
      problems.push({
        where: row.cell.dfe,
        message: `DfE number ${fields.dfe} is used twice (also at ${firstDfe}).`,
      });
      continue;
    }
    seenDfe.set(fields.dfe, row.cell.dfe);
    if (fields.urn !== null) {
      const firstUrn = seenUrn.get(fields.urn);
      const holder = existingByUrn.get(fields.urn);
      if (firstUrn) {
        problems.push({
          where: row.cell.urn,
          message: `URN ${fields.urn} is used twice (also at ${firstUrn}).`,
        });
        continue;
      }
      seenUrn.set(fields.urn, row.cell.urn);
      // A URN may pass from one school to another only when the file also gives the first school its new one.
      if (holder && holder.dfe !== fields.dfe && !dfesInFile.has(holder.dfe)) {
        problems.push({
          where: row.cell.urn,
          message: `URN ${fields.urn} already belongs to ${holder.name} (${holder.dfe}).`,
        });
        continue;
      }
    }
    if (sip !== null && !knownPeople.has(key(sip)) && !newSips.has(key(sip))) newSips.set(key(sip), sip);
    const sipName = sip === null ? null : (newSips.get(key(sip)) ?? sip);
    const before = existing.get(fields.dfe);
    const district = districtName ?? v.district;
    // A new school has nothing to compare with: the preview lists it without its fields.
    const changes = before
      ? diffRecords(describeSchool(before), describeSchool({ ...fields, district, sip: sipName }))
      : [];
    schools.push({ existingId: before?.id ?? null, fields, district, sip: sipName, changes });
  }
  if (parsed.rows.length === 0 && parsed.problems.length === 0) {
    problems.push({ where: 'Schools', message: 'The Schools sheet has no schools on it.' });
  }

  return {
    schools,
    districtMoves,
    readAt,
    preview: {
      problems: listed(problems),
      newSchools: schools
        .filter((s) => s.existingId === null)
        .map((s) => ({ dfe: s.fields.dfe, name: s.fields.name, district: s.district })),
      changedSchools: schools
        .filter((s) => s.existingId !== null && s.changes.length > 0)
        .map((s) => ({ dfe: s.fields.dfe, name: s.fields.name, changes: s.changes })),
      unchangedCount: schools.filter((s) => s.existingId !== null && s.changes.length === 0).length,
      districtChanges,
      newDoubleDistricts,
      newSips: [...newSips.values()].sort(),
    },
  };
}

/**
 * Applies exactly what the preview showed, all in one whole write or none of it, after a backup when
 * the file already holds schools. Every record goes through the same checked save as the forms.
 */
export async function applyRegisterPlan(ctx: Ctx, plan: RegisterPlan): Promise<{ backup: string | null }> {
  const { db } = ctx;
  const { preview } = plan;
  refuseReadOnly(ctx);
  refuseWithProblems(preview.problems, 'workbook');
  const nothingToDo =
    preview.newSchools.length + preview.changedSchools.length + preview.districtChanges.length === 0 &&
    preview.newSips.length === 0;
  if (nothingToDo) return { backup: null };
  const backup = holdsSchools(db) ? await backUpBefore(ctx, 'before-import') : null;
  const from = {
    action: 'import' as const,
    summary: (after: { name: string }, before: unknown) =>
      `${before ? 'Updated' : 'Added'} ${after.name} from the register workbook`,
  };

  writeWhole(ctx, () => {
    refuseIfStale(ctx, plan.readAt);
    const org = readOrganisation(db);
    const doubles = new Map(org.doubleDistricts.map((dd) => [key(dd.name), dd.id]));
    const districtIds = new Map(org.districts.map((d) => [key(d.name), d.id]));
    for (const [district, doubleName] of plan.districtMoves) {
      let doubleId = doubles.get(key(doubleName));
      if (doubleId === undefined) {
        doubleId = saveRecord(ctx, doubleDistricts, undefined, { name: doubleName }, from).id;
        doubles.set(key(doubleName), doubleId);
      }
      const existing = districtIds.get(key(district));
      const saved = saveRecord(
        ctx,
        districts,
        existing,
        { name: district, doubleDistrictId: doubleId },
        from,
      );
      districtIds.set(key(district), saved.id);
    }
    const known = new Map(org.people.map((p) => [key(p.name), p]));
    for (const name of preview.newSips) {
      const person = saveRecord(ctx, people, undefined, { name, roles: ['SIP'] }, from);
      known.set(key(name), person);
    }
    // Schools that swap DfE numbers or URNs would clash half-way: their numbers are moved aside
    // first, inside this same write, and each school is then written in full.
    const renumbered = plan.schools.filter(
      (p) => p.existingId !== null && p.changes.some((c) => c.field === 'DfE No' || c.field === 'URN'),
    );
    const stood = new Map(renumbered.map((p) => [p.existingId!, schools.get(db, p.existingId!)!]));
    releaseNumbers(db, [...stood.keys()]);
    for (const planned of plan.schools) {
      if (planned.existingId !== null && planned.changes.length === 0) continue;
      const sip = planned.sip === null ? undefined : known.get(key(planned.sip));
      if (sip && !sip.roles.includes('SIP')) {
        const updated = saveRecord(
          ctx,
          people,
          sip.id,
          { name: sip.name, roles: [...sip.roles, 'SIP'] },
          from,
        );
        known.set(key(sip.name), updated);
      }
      const districtId = districtIds.get(key(planned.district))!;
      const stoodBefore = planned.existingId === null ? undefined : stood.get(planned.existingId);
      saveRecord(
        ctx,
        schools,
        planned.existingId ?? undefined,
        { ...planned.fields, districtId, sipId: sip?.id ?? null },
        {
          ...from,
          ...(stoodBefore ? { stoodBefore } : {}),
        },
      );
    }
  });
  return { backup };
}

/** The workbook is read on the workbook thread, so the app answers other requests meanwhile. */
async function planFromUpload(ctx: Ctx, dataBase64: string) {
  await reachStage('reading');
  const packed = await offThread('readRegister', Buffer.from(dataBase64, 'base64'));
  await reachStage('checking');
  const parsed = { ...packed, rows: unpackRows(packed.rows), districts: unpackRows(packed.districts) };
  return planRegisterImport(ctx, parsed);
}

const previewed = new PreviewedPlans<RegisterPlan>();

export const registerHandlers: HandlersOf<typeof registerOps> = {
  'register.preview': async ({ dataBase64 }, s) => {
    const ctx = s.ctx();
    const plan = await planFromUpload(ctx, dataBase64);
    previewed.keep(ctx, dataBase64, plan);
    return plan.preview;
  },
  'register.apply': async ({ dataBase64 }, s) => {
    const ctx = s.ctx();
    const plan = previewed.take(ctx, dataBase64) ?? (await planFromUpload(ctx, dataBase64));
    await reachStage('writing');
    await applyRegisterPlan(ctx, plan);
    return plan.preview;
  },
  'register.export': async (_, s) => {
    const ctx = s.ctx();
    await reachStage('reading');
    const org = readOrganisation(ctx.db);
    const doubles = new Map(org.doubleDistricts.map((dd) => [dd.id, dd.name]));
    const open = listSchools(ctx.db)
      .filter((school) => school.closedOn === null)
      .sort((a, b) => a.district.localeCompare(b.district) || a.dfe.localeCompare(b.dfe));
    await reachStage('writing');
    const data = await offThread('writeRegister', s.template('schools-register.xlsx'), {
      schools: open,
      districts: org.districts.map((d) => ({
        district: d.name,
        doubleDistrict: doubles.get(d.doubleDistrictId) ?? '',
      })),
    });
    return {
      fileName: `schools-register-${londonDate(ctx.now())}.xlsx`,
      dataBase64: Buffer.from(data).toString('base64'),
    };
  },
};
