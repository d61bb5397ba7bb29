import type { brokerageOps, StrengthRow, SupportRow } from '../../shared/api/brokerage';
import { ApiError } from '../../shared/api/errors';
import { formatDate, londonDate } from '../../shared/domain/format';
import {
  areaLabel,
  DEFAULT_NETWORK_ALLOCATION_PENCE,
  STRENGTH_AREAS,
} from '../../shared/domain/partnerships';
import { suggestSupport, weakAreas, type Standing } from '../../shared/domain/support';
import { writeAudit } from '../data/audit';
import {
  allBarriers,
  allResponses,
  allStrengths,
  allSupport,
  barriers,
  brokeredSupport,
  lastAuditId,
  mirrorAudit,
  responses,
  responseToTheme,
  setSupportLimit,
  strengths,
  supportLimit,
  type StoredBarrier,
  type StoredStrength,
  type StoredSupport,
} from '../data/brokerage';
import { latestThemes } from '../data/effectiveness-profiles';
import { sefEntries } from '../data/sef';
import {
  openConcernFactors,
  partnershipsOn,
  standingRows,
  supportingOn,
  type StandingRow,
} from '../data/standings';
import { deleteRecord, restoreRecord, saveRecord, write } from '../data/write';
import type { Ctx, HandlersOf } from './context';
import { requireSchool } from './schools';

const today = (ctx: Ctx) => londonDate(ctx.now());

/** Every school by id, with its district, for naming records in answers. */
const schoolsById = (ctx: Ctx) => new Map(standingRows(ctx.db, today(ctx)).map((s) => [s.schoolId, s]));

const schoolFields = (s: StandingRow) => ({
  schoolId: s.schoolId,
  dfe: s.dfe,
  school: s.name,
  district: s.district,
  doubleDistrict: s.doubleDistrict,
});

const strengthRow = (s: StoredStrength, school: StandingRow): StrengthRow => ({
  ...s,
  ...schoolFields(school),
  areaLabel: areaLabel(s.area),
});

// Field by field: a saved row also carries the DfE numbers its audit entries are written with.
const supportRow = (ctx: Ctx, s: StoredSupport, names = schoolsById(ctx)): SupportRow => ({
  id: s.id,
  supportingSchoolId: s.supportingSchoolId,
  supportedSchoolId: s.supportedSchoolId,
  area: s.area,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
  agreedBy: s.agreedBy,
  outcome: s.outcome,
  supportingSchool: names.get(s.supportingSchoolId)?.name ?? '',
  supportedSchool: names.get(s.supportedSchoolId)?.name ?? '',
  areaLabel: areaLabel(s.area),
  active: s.startsOn <= today(ctx) && (s.endsOn === null || s.endsOn >= today(ctx)),
});

const barrierRow = (b: StoredBarrier, school: StandingRow) => ({ ...b, ...schoolFields(school) });

/** Both schools must be in the register: each is named by its own field when it is not. */
function requireSchools(ctx: Ctx, fields: Record<string, number>): void {
  for (const [field, id] of Object.entries(fields))
    if (!schoolsById(ctx).has(id))
      throw new ApiError({
        code: 'not_found',
        message: `There is no school ${id}.`,
        fields: { [field]: 'This school is not in the register' },
      });
}

/** A change to brokered support, recorded on the supported school and copied to the supporting one. */
function onBothTimelines<T extends StoredSupport>(ctx: Ctx, work: () => T, before?: StoredSupport): T {
  return write(ctx, () => {
    const since = lastAuditId(ctx.db);
    const row = work();
    for (const schoolId of new Set([
      row.supportingSchoolId,
      before?.supportingSchoolId ?? row.supportingSchoolId,
    ]))
      mirrorAudit(ctx.db, ctx, since, row.id, schoolId);
    return row;
  });
}

export function restoreSupport(ctx: Ctx, kept: unknown): { id: number } {
  return onBothTimelines(ctx, () => restoreRecord(ctx, brokeredSupport, kept as StoredSupport));
}

function suggestionsFor(ctx: Ctx, schoolId: number, area: string | undefined) {
  requireSchool(ctx, schoolId);
  const on = today(ctx);
  const rows = standingRows(ctx.db, on);
  const concerns = openConcernFactors(ctx.db);
  const partnerships = partnershipsOn(ctx.db, on);
  const supporting = supportingOn(ctx.db, on);
  const standing = (r: StandingRow): Standing => ({
    ...r,
    causingConcern: concerns.has(r.schoolId),
    partnershipIds: partnerships.get(r.schoolId) ?? [],
    supporting: supporting.get(r.schoolId) ?? 0,
  });
  const schools = rows.map(standing);
  const school = schools.find((s) => s.schoolId === schoolId)!;
  const sef = sefEntries(ctx.db, { schoolId, framework: 'english-sef' })[0] ?? null;
  const weak = weakAreas({
    sef,
    concernFactors: concerns.get(schoolId) ?? [],
    themes: latestThemes(ctx.db).get(schoolId) ?? null,
  });
  const areas = area ? [area] : weak.map((w) => w.area);
  const limit = supportLimit(ctx.db);
  const result = suggestSupport({ school, areas, schools, strengths: allStrengths(ctx.db), limit });
  const byId = new Map(rows.map((r) => [r.schoolId, r]));
  return {
    schoolId,
    limit,
    weakAreas: area ? [{ area, label: areaLabel(area), because: 'asked for' }] : weak,
    suggestions: result.suggestions.map((s) => ({
      ...s,
      dfe: byId.get(s.schoolId)!.dfe,
      district: byId.get(s.schoolId)!.district,
      strengths: s.strengths.map((k) => strengthRow(k as StoredStrength, byId.get(s.schoolId)!)),
    })),
    excluded: result.excluded,
  };
}

export const brokerageHandlers: HandlersOf<typeof brokerageOps> = {
  'partnerships.areas': () => STRENGTH_AREAS.map((a) => ({ ...a })),
  'partnerships.findStrengths': (
    { area, schoolId, districtId, doubleDistrictId, text, validatedOnly },
    s,
  ) => {
    const ctx = s.ctx();
    const names = schoolsById(ctx);
    const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return allStrengths(ctx.db)
      .map((k) => strengthRow(k, names.get(k.schoolId)!))
      .filter(
        (k) =>
          (area === undefined || k.area === area) &&
          (schoolId === undefined || k.schoolId === schoolId) &&
          (districtId === undefined || names.get(k.schoolId)!.districtId === districtId) &&
          (doubleDistrictId === undefined || names.get(k.schoolId)!.doubleDistrictId === doubleDistrictId) &&
          (!validatedOnly || k.validatedOn !== null) &&
          words.every((w) =>
            [k.school, k.dfe, k.areaLabel, k.aspect, k.evidence, k.contact, k.district]
              .join(' ')
              .toLowerCase()
              .includes(w),
          ),
      )
      .sort((a, b) => a.areaLabel.localeCompare(b.areaLabel) || a.school.localeCompare(b.school));
  },
  'partnerships.saveStrength': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, strengths, id, draft, {
      check: () => requireSchools(ctx, { schoolId: draft.schoolId }),
    });
    return strengthRow(saved, schoolsById(ctx).get(saved.schoolId)!);
  },
  'partnerships.deleteStrength': ({ id }, s) => deleteRecord(s.ctx(), strengths, id),
  'partnerships.suggestSupport': ({ schoolId, area }, s) => suggestionsFor(s.ctx(), schoolId, area),

  'partnerships.support': ({ schoolId }, s) => {
    const ctx = s.ctx();
    if (schoolId !== undefined) requireSchool(ctx, schoolId);
    const names = schoolsById(ctx);
    return allSupport(ctx.db, schoolId).map((row) => supportRow(ctx, row, names));
  },
  'partnerships.saveSupport': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const before = id === undefined ? undefined : brokeredSupport.get(ctx.db, id);
    const saved = onBothTimelines(
      ctx,
      () =>
        saveRecord(ctx, brokeredSupport, id, draft, {
          check: () =>
            requireSchools(ctx, {
              supportingSchoolId: draft.supportingSchoolId,
              supportedSchoolId: draft.supportedSchoolId,
            }),
          summary: (after, was) => {
            const names = schoolsById(ctx);
            return `${was ? 'Corrected the brokered support' : 'Brokered support'}: ${names.get(after.supportingSchoolId)?.name} supports ${names.get(after.supportedSchoolId)?.name} in ${areaLabel(after.area)} from ${formatDate(after.startsOn)}`;
          },
        }),
      before,
    );
    return supportRow(ctx, saved);
  },
  'partnerships.deleteSupport': ({ id }, s) => {
    const ctx = s.ctx();
    return write(ctx, () => {
      const since = lastAuditId(ctx.db);
      const before = brokeredSupport.get(ctx.db, id);
      const result = deleteRecord(ctx, brokeredSupport, id);
      mirrorAudit(ctx.db, ctx, since, id, before!.supportingSchoolId);
      return result;
    });
  },

  'partnerships.barriers': ({ schoolId }, s) => {
    const ctx = s.ctx();
    if (schoolId !== undefined) requireSchool(ctx, schoolId);
    const names = schoolsById(ctx);
    return allBarriers(ctx.db, schoolId).map((b) => barrierRow(b, names.get(b.schoolId)!));
  },
  'partnerships.saveBarrier': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, barriers, id, draft, {
      check: () => requireSchools(ctx, { schoolId: draft.schoolId }),
    });
    return barrierRow(saved, schoolsById(ctx).get(saved.schoolId)!);
  },
  'partnerships.deleteBarrier': ({ id }, s) => deleteRecord(s.ctx(), barriers, id),
  'partnerships.agenda': (_, s) => {
    const ctx = s.ctx();
    const names = schoolsById(ctx);
    const byTheme = new Map<string, StoredBarrier[]>();
    for (const b of allBarriers(ctx.db)) {
      const key = b.theme.toLowerCase();
      byTheme.set(key, [...(byTheme.get(key) ?? []), b]);
    }
    const answered = new Map(allResponses(ctx.db).map((r) => [r.theme.toLowerCase(), r]));
    return [...byTheme.entries()]
      .map(([key, raised]) => {
        const schools = [...new Set(raised.map((b) => b.schoolId))].map((id) => names.get(id)!);
        return {
          theme: raised[raised.length - 1]!.theme,
          count: raised.length,
          schools: schools
            .map((x) => ({ schoolId: x.schoolId, dfe: x.dfe, name: x.name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          barriers: raised.map((b) => barrierRow(b, names.get(b.schoolId)!)),
          response: answered.get(key) ?? null,
        };
      })
      .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
  },
  'partnerships.saveResponse': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return saveRecord(ctx, responses, id, draft, {
      check: () => {
        const held = responseToTheme(ctx.db, draft.theme);
        if (held && held.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `The LA has already responded on "${held.theme}" (response ${held.id}); correct that one instead.`,
            fields: { theme: 'Already answered' },
          });
      },
    });
  },
  'partnerships.settings': (_, s) => ({
    supportLimit: supportLimit(s.ctx().db),
    defaultAllocationPence: DEFAULT_NETWORK_ALLOCATION_PENCE,
  }),
  'partnerships.setSupportLimit': ({ limit }, s) => {
    const ctx = s.ctx();
    write(ctx, () => {
      const before = supportLimit(ctx.db);
      if (before === limit) return;
      setSupportLimit(ctx.db, limit);
      writeAudit(ctx.db, ctx, {
        entity: 'settings',
        entityId: 1,
        schoolId: null,
        action: 'edit',
        summary: 'Changed how many schools one school may support at once',
        changes: [{ field: 'Support limit', before: String(before), after: String(limit) }],
      });
    });
    return { supportLimit: limit, defaultAllocationPence: DEFAULT_NETWORK_ALLOCATION_PENCE };
  },
};
