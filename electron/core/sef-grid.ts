import type { Problem } from '../../shared/api/errors';
import type { SefGridPreview } from '../../shared/api/sef';
import { parseTermLabel, termLabel } from '../../shared/domain/calendar';
import { parseDfe } from '../../shared/domain/dfe';
import { shorten } from '../../shared/domain/fields';
import { formatDate, parseDate } from '../../shared/domain/format';
import { parseGrade, parseYesNo } from '../../shared/domain/sef';
import { readOrganisation } from '../data/organisation';
import { listSchools, schoolsByDfe } from '../data/schools';
import { latestSefs, sefsOnDates, sefs } from '../data/sef';
import { saveRecord, writeWhole } from '../data/write';
import { listed } from '../workbooks/problems';
import { offThread } from '../workbooks/off-thread';
import { unpackRows } from '../workbooks/packed-rows';
import { gridRows, type GridRow, type ParsedGrid } from '../workbooks/sef-grid';
import { calendarOf } from './calendar';
import type { Ctx } from './context';
import {
  backUpBefore,
  planMark,
  PreviewedPlans,
  refuseIfStale,
  refuseReadOnly,
  refuseWithProblems,
} from './imports';
import { reachStage } from './progress';
import { currentFramework } from './sef';

/** The grid is read on the workbook thread, so the app answers other requests meanwhile. */
export async function readGridFor(ctx: Ctx, data: Buffer): Promise<ParsedGrid> {
  const framework = currentFramework(ctx);
  const grid = await offThread('readSefGrid', data, framework);
  return { ...grid, rows: gridRows(unpackRows(grid.rows), framework) };
}

async function planFromUpload(ctx: Ctx, dataBase64: string): Promise<SefGridPlan> {
  await reachStage('reading');
  const parsed = await readGridFor(ctx, Buffer.from(dataBase64, 'base64'));
  await reachStage('checking');
  return planSefGrid(ctx, parsed);
}

const previewed = new PreviewedPlans<SefGridPlan>();

export async function previewSefGridUpload(ctx: Ctx, dataBase64: string): Promise<SefGridPreview> {
  const plan = await planFromUpload(ctx, dataBase64);
  previewed.keep(ctx, dataBase64, plan);
  return plan.preview;
}

/** Applies the plan the preview of these same bytes made, or plans afresh if the file changed since. */
export async function applySefGridUpload(ctx: Ctx, dataBase64: string): Promise<SefGridPreview> {
  const plan = previewed.take(ctx, dataBase64) ?? (await planFromUpload(ctx, dataBase64));
  await reachStage('writing');
  await applySefGrid(ctx, plan);
  return plan.preview;
}

interface PlannedSef {
  /** The SEF already held for this school and date, which the grid corrects. */
  heldId: number | null;
  school: { id: number; dfe: string; name: string };
  sefOn: string;
  validated: boolean;
  grades: Record<string, number>;
  isNew: boolean;
  changed: boolean;
}

export interface SefGridPlan {
  preview: SefGridPreview;
  entries: PlannedSef[];
  framework: string;
  /** The file's write mark when the plan was read: applied only if nothing was written since. */
  readAt: string;
}

const gradeText = (grade: number | undefined) => (grade === undefined ? null : String(grade));

/** Checks every row of the grid against the register and works out each change, writing nothing. */
export function planSefGrid(ctx: Ctx, parsed: ParsedGrid): SefGridPlan {
  const readAt = planMark(ctx);
  const framework = currentFramework(ctx);
  const problems: Problem[] = [...parsed.problems];
  const warnings: Problem[] = [...parsed.warnings];
  const schools = schoolsByDfe(ctx.db);
  // Each date is read once, and only the SEFs held on the grid's dates are read from the file.
  const dateOf = new Map<string, string | null>();
  for (const row of parsed.rows)
    if (!dateOf.has(row.sefOn.text)) dateOf.set(row.sefOn.text, parseDate(row.sefOn.text));
  const dates = [...new Set(dateOf.values())].filter((date) => date !== null);
  const held = new Map(
    sefsOnDates(ctx.db, framework.code, dates).map((e) => [`${e.schoolId}|${e.sefOn}`, e]),
  );
  const seen = new Map<number, string>();
  const entries: PlannedSef[] = [];
  const changed: SefGridPreview['changed'] = [];

  // A cell that could not be read is already a problem; its row is not judged on a blank it never had.
  const unreadable = new Set(parsed.problems.map((p) => p.where));

  const checkRow = (row: GridRow) => {
    const cells = [row.dfe, row.sefOn, row.validated, ...row.grades];
    if (cells.some((c) => unreadable.has(c.where))) return;
    const dfe = parseDfe(row.dfe.text);
    if (!dfe) {
      problems.push({
        where: row.dfe.where,
        message: `"${shorten(row.dfe.text)}" is not a valid DfE number (like 860/2001).`,
      });
      return;
    }
    const school = schools.get(dfe);
    if (!school) {
      problems.push({
        where: row.dfe.where,
        message: `No school with DfE number ${dfe} is in the register.`,
      });
      return;
    }
    const first = seen.get(school.id);
    if (first) {
      problems.push({
        where: row.dfe.where,
        message: `${school.name} (${dfe}) is on the grid twice (also at ${first}).`,
      });
      return;
    }
    seen.set(school.id, row.dfe.where);
    const grades: Record<string, number> = {};
    let bad = false;
    for (const g of row.grades) {
      // Shortened first, so a pasted essay is quoted briefly; no grade is long enough to be changed by it.
      const parsedGrade = parseGrade(shorten(g.text));
      if (!parsedGrade.ok) {
        problems.push({ where: g.where, message: `${g.label}: ${parsedGrade.message}.` });
        bad = true;
      } else if (parsedGrade.grade !== null) grades[g.code] = parsedGrade.grade;
    }
    if (bad) return;
    if (Object.keys(grades).length === 0 && row.sefOn.text === '') {
      warnings.push({
        where: row.dfe.where,
        message: `${school.name} has no SEF grades on the grid; skipped.`,
      });
      return;
    }
    const sefOn = dateOf.get(row.sefOn.text);
    if (!sefOn) {
      problems.push({
        where: row.sefOn.where,
        message:
          row.sefOn.text === ''
            ? `${school.name} has grades but no SEF date.`
            : `"${shorten(row.sefOn.text)}" is not a date (like 04/09/2008).`,
      });
      return;
    }
    const missing = framework.judgements.filter((j) => !j.optional && grades[j.code] === undefined);
    if (missing.length) {
      const cell = row.grades.find((g) => g.code === missing[0]!.code)!;
      problems.push({
        where: cell.where,
        message: `${school.name} has no grade for ${missing.map((j) => j.label).join(', ')}.`,
      });
      return;
    }
    const validated = parseYesNo(row.validated.text);
    if (validated === null) {
      problems.push({
        where: row.validated.where,
        message: `"${shorten(row.validated.text)}" should be Y or N.`,
      });
      return;
    }
    const before = held.get(`${school.id}|${sefOn}`);
    const changes = before
      ? [
          ...framework.judgements
            .filter((j) => before.grades[j.code] !== grades[j.code])
            .map((j) => ({
              field: j.label,
              before: gradeText(before.grades[j.code]),
              after: gradeText(grades[j.code]),
            })),
          ...(before.validated !== validated
            ? [
                {
                  field: 'Validated by SIP',
                  before: before.validated ? 'Y' : 'N',
                  after: validated ? 'Y' : 'N',
                },
              ]
            : []),
        ]
      : [];
    if (changes.length) changed.push({ dfe, name: school.name, sefOn, changes });
    entries.push({
      heldId: before?.id ?? null,
      school,
      sefOn,
      validated,
      grades,
      isNew: !before,
      changed: changes.length > 0,
    });
  };
  parsed.rows.forEach(checkRow);
  if (parsed.rows.length === 0 && parsed.problems.length === 0)
    problems.push({ where: parsed.sheetName, message: 'The grid has no schools on it.' });

  return {
    framework: framework.code,
    entries,
    readAt,
    preview: {
      problems: listed(problems),
      warnings,
      doubleDistrict: parsed.doubleDistrict,
      term: parsed.term,
      newEntries: entries
        .filter((e) => e.isNew)
        .map((e) => ({ dfe: e.school.dfe, name: e.school.name, sefOn: e.sefOn })),
      changed,
      unchangedCount: entries.filter((e) => !e.isNew && !e.changed).length,
    },
  };
}

/**
 * Applies exactly what the preview showed, all of it in one whole write or none of it (no savepoint per
 * SEF: see writeWhole), after a backup when it changes judgements already held. Each SEF goes through
 * the same checked save as the form.
 */
export async function applySefGrid(ctx: Ctx, plan: SefGridPlan): Promise<void> {
  refuseReadOnly(ctx);
  refuseWithProblems(plan.preview.problems, 'grid');
  const work = plan.entries.filter((e) => e.isNew || e.changed);
  if (work.length === 0) return;
  if (work.some((e) => e.changed)) await backUpBefore(ctx, 'before-sef-grid');
  writeWhole(ctx, () => {
    refuseIfStale(ctx, plan.readAt);
    for (const e of work) {
      saveRecord(
        ctx,
        sefs,
        e.heldId ?? undefined,
        { schoolId: e.school.id, sefOn: e.sefOn, validated: e.validated, grades: e.grades },
        {
          summary: (after) =>
            `SEF of ${formatDate(after.sefOn)} ${e.isNew ? 'imported' : 'updated'} from the SEF grid`,
        },
      );
    }
  });
}

/** A grid for one double district (or the whole LA): each open school's latest SEF by the term's end. */
export async function exportSefGrid(
  ctx: Ctx,
  templatePath: string,
  doubleDistrictId: number | null,
  term: string,
) {
  const ref = parseTermLabel(term);
  if (!ref) throw new Error(`"${term}" is not a term like "Autumn 2008".`);
  await reachStage('reading');
  const dates = calendarOf(ctx)(ref.academicYear).find((t) => t.term === ref.term)!;
  const framework = currentFramework(ctx);
  const org = readOrganisation(ctx.db);
  const doubleDistrict =
    doubleDistrictId === null
      ? 'All double districts'
      : (org.doubleDistricts.find((d) => d.id === doubleDistrictId)?.name ?? '');
  const latest = new Map(
    latestSefs(ctx.db, { framework: framework.code, onOrBefore: dates.endsOn }).map((e) => [e.schoolId, e]),
  );
  const rows = listSchools(ctx.db)
    .filter(
      (s) => s.closedOn === null && (doubleDistrictId === null || s.doubleDistrictId === doubleDistrictId),
    )
    .sort((a, b) => a.district.localeCompare(b.district) || a.name.localeCompare(b.name))
    .map((s) => {
      const sef = latest.get(s.id);
      return {
        dfe: s.dfe,
        name: s.name,
        phase: s.phase,
        district: s.district,
        sefOn: sef?.sefOn ?? null,
        validated: sef ? sef.validated : null,
        grades: sef?.grades ?? {},
      };
    });
  await reachStage('writing');
  const data = await offThread('writeSefGrid', templatePath, {
    doubleDistrict,
    term: termLabel(ref),
    framework,
    rows,
  });
  const slug = `${doubleDistrict}-${termLabel(ref)}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { fileName: `sef-grid-${slug}.xlsx`, dataBase64: Buffer.from(data).toString('base64') };
}
