import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, registerBuilders, tempSession } from './helpers';

async function authority() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  const dd = async (name: string) =>
    (await ok(session, 'organisation.saveDoubleDistrict', { draft: { name } })).id;
  const district = async (name: string, doubleDistrictId: number) =>
    (await ok(session, 'organisation.saveDistrict', { draft: { name, doubleDistrictId } })).id;
  const east = await dd('Tamworth / East Staffordshire');
  const south = await dd('Cannock Chase / Lichfield');
  const tamworth = await district('Tamworth', east);
  const burton = await district('East Staffordshire', east);
  const lichfield = await district('Lichfield', south);
  const cannock = await district('Cannock Chase', south);
  let n = 0;
  const school = (name: string, districtId: number) =>
    registerBuilders(session).school(`860/${2001 + n++}`, name, districtId);
  const ids = {
    weak: await school('Weak Primary', tamworth),
    near: await school('Near Primary', tamworth),
    burton: await school('Burton Primary', burton),
    partner: await school('Partner Primary', lichfield),
    far: await school('Far Primary', cannock),
    cat4: await school('Cat Four Primary', tamworth),
    measures: await school('Measures Primary', tamworth),
    unvalidated: await school('Unvalidated Primary', tamworth),
  };
  return {
    session,
    ids,
    districts: { tamworth, burton, lichfield, cannock },
    doubleDistricts: { east, south },
  };
}

const strength = (schoolId: number, more: Record<string, unknown> = {}) => ({
  schoolId,
  area: 'sef:teaching',
  aspect: '',
  evidence: 'Consistently good lessons, moderated with the cluster',
  validatedBy: 'Kath Kent',
  validatedOn: '2008-10-20',
  contact: 'Headteacher',
  ...more,
});

async function refusal(session: Session, op: string, input: unknown) {
  const result = await invoke(session, op, input);
  if (result.ok) throw new Error(`${op} should have been refused`);
  return result.error;
}

/** The weak school's SEF, the cluster it shares with Partner Primary, and everyone's strengths. */
async function weakSchoolAndRegister() {
  const a = await authority();
  const { session, ids } = a;
  await ok(session, 'sef.save', {
    draft: {
      schoolId: ids.weak,
      sefOn: '2008-10-01',
      validated: true,
      grades: {
        overall: 3,
        capacity: 3,
        achievement: 3,
        personal: 2,
        teaching: 4,
        curriculum: 3,
        care: 2,
        leadership: 4,
      },
    },
  });
  await ok(session, 'partnerships.save', {
    draft: {
      name: 'Two Spires Cluster',
      kind: 'Cluster',
      leadSchoolId: ids.partner,
      notes: '',
      members: [
        { schoolId: ids.weak, joinedOn: '2008-09-01', leftOn: null },
        { schoolId: ids.partner, joinedOn: '2008-09-01', leftOn: null },
      ],
    },
  });
  const { id: proposal } = await ok(session, 'categories.propose', {
    draft: {
      schoolId: ids.cat4,
      proposedOn: '2009-06-10',
      source: 'DSIM',
      proposedById: null,
      category: 4,
      evidence: 'Results',
    },
  });
  await ok(session, 'categories.decide', {
    id: proposal,
    draft: { decidedOn: '2009-07-01', category: 4, notes: '', supportOverride: null, overrideReason: '' },
  });
  await ok(session, 'ofsted.saveInspection', {
    draft: {
      schoolId: ids.measures,
      inspectedOn: '2009-03-10',
      type: 'Section 5 inspection',
      overall: 4,
      grades: {},
      outcome: 'Special Measures',
      laResponse: null,
      laResponseOutcome: '',
    },
  });
  for (const id of [ids.far, ids.partner, ids.burton, ids.near, ids.cat4, ids.measures])
    await ok(session, 'partnerships.saveStrength', { draft: strength(id) });
  await ok(session, 'partnerships.saveStrength', {
    draft: strength(ids.unvalidated, { validatedBy: '', validatedOn: null }),
  });
  return a;
}

describe('suggesting support', () => {
  it('finds validated strengths in the weak areas, nearest first, never a school that itself needs help', async () => {
    const { session, ids } = await weakSchoolAndRegister();
    const result = await ok(session, 'partnerships.suggestSupport', { schoolId: ids.weak });
    expect(result.weakAreas.map((w) => [w.area, w.because])).toEqual([
      ['sef:teaching', 'graded 4 (inadequate) on the SEF of 01/10/2008'],
      ['sef:leadership', 'graded 4 (inadequate) on the SEF of 01/10/2008'],
    ]);
    expect(result.suggestions.map((s) => [s.schoolId, s.nearness])).toEqual([
      [ids.near, 'same district'],
      [ids.burton, 'same double district'],
      [ids.partner, 'same partnership'],
      [ids.far, 'elsewhere'],
    ]);
    expect(result.suggestions[0]!.strengths[0]).toMatchObject({
      areaLabel: 'Teaching and learning',
      validatedBy: 'Kath Kent',
    });
    expect(result.excluded).toEqual([
      { schoolId: ids.cat4, name: 'Cat Four Primary', reason: 'is itself in category 4' },
      { schoolId: ids.measures, name: 'Measures Primary', reason: 'is itself in Special Measures' },
    ]);
    const other = await ok(session, 'partnerships.suggestSupport', { schoolId: ids.weak, area: 'sef:care' });
    expect(other.suggestions).toEqual([]);
  });

  it('stops suggesting a school once it supports as many schools as the limit', async () => {
    const { session, ids } = await weakSchoolAndRegister();
    await ok(session, 'partnerships.setSupportLimit', { limit: 1 });
    await ok(session, 'partnerships.saveSupport', {
      draft: {
        supportingSchoolId: ids.near,
        supportedSchoolId: ids.far,
        area: 'sef:teaching',
        startsOn: '2009-01-05',
        endsOn: null,
        agreedBy: 'Dee Sim',
        outcome: '',
      },
    });
    const result = await ok(session, 'partnerships.suggestSupport', { schoolId: ids.weak });
    expect(result.limit).toBe(1);
    expect(result.suggestions.map((s) => s.schoolId)).not.toContain(ids.near);
    expect(result.excluded).toContainEqual({
      schoolId: ids.near,
      name: 'Near Primary',
      reason: 'already supports 1 school (the limit is 1)',
    });
    expect(await ok(session, 'partnerships.settings', {})).toEqual({
      supportLimit: 1,
      defaultAllocationPence: 500_000,
    });
  });

  it('answers not found for an unknown school', async () => {
    const { session } = await authority();
    expect((await refusal(session, 'partnerships.suggestSupport', { schoolId: 999 })).code).toBe('not_found');
    expect((await refusal(session, 'partnerships.support', { schoolId: 999 })).code).toBe('not_found');
    expect((await refusal(session, 'partnerships.budgets', { partnershipId: 999 })).code).toBe('not_found');
  });
});

describe('the key strengths register', () => {
  it('answers who is strong in teaching and learning in the Tamworth district', async () => {
    const { session, ids, districts, doubleDistricts } = await weakSchoolAndRegister();
    const tamworth = await ok(session, 'partnerships.findStrengths', {
      area: 'sef:teaching',
      districtId: districts.tamworth,
      validatedOnly: true,
    });
    expect(tamworth.map((k) => k.school)).toEqual(['Cat Four Primary', 'Measures Primary', 'Near Primary']);
    const all = await ok(session, 'partnerships.findStrengths', { doubleDistrictId: doubleDistricts.east });
    expect(all.map((k) => k.school)).toContain('Unvalidated Primary');
    expect(all.map((k) => k.school)).toContain('Burton Primary');
    expect(
      (await ok(session, 'partnerships.findStrengths', { text: 'burton moderated' })).map((k) => k.school),
    ).toEqual(['Burton Primary']);
    const own = await ok(session, 'partnerships.findStrengths', { schoolId: ids.near });
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((k) => k.school))).toEqual(new Set(['Near Primary']));
  });

  it('needs both who validated a strength and when, and an area from the frameworks', async () => {
    const { session, ids } = await authority();
    expect(
      (
        await refusal(session, 'partnerships.saveStrength', {
          draft: strength(ids.near, { validatedOn: null }),
        })
      ).fields,
    ).toEqual({ validatedOn: 'Give both who validated this strength and when, or neither' });
    expect(
      (
        await refusal(session, 'partnerships.saveStrength', {
          draft: strength(ids.near, { area: 'teaching' }),
        })
      ).fields,
    ).toEqual({ area: 'Choose one of the options in the list' });
    const welsh = await ok(session, 'partnerships.saveStrength', {
      draft: strength(ids.near, { area: 'element:networks', aspect: 'Professional learning communities' }),
    });
    expect(welsh.areaLabel).toBe('Networks of professional practice');
    expect((await refusal(session, 'partnerships.saveStrength', { draft: strength(999) })).code).toBe(
      'not_found',
    );
  });
});

describe('brokered support', () => {
  it('shows on both schools’ timelines, and a deletion is undone from either', async () => {
    const { session, ids } = await authority();
    const saved = await ok(session, 'partnerships.saveSupport', {
      draft: {
        supportingSchoolId: ids.near,
        supportedSchoolId: ids.weak,
        area: 'sef:teaching',
        startsOn: '2009-01-05',
        endsOn: null,
        agreedBy: 'Dee Sim',
        outcome: '',
      },
    });
    expect(saved).toMatchObject({
      supportingSchool: 'Near Primary',
      supportedSchool: 'Weak Primary',
      active: true,
    });
    const summary =
      'Brokered support: Near Primary supports Weak Primary in Teaching and learning from 05/01/2009';
    for (const id of [ids.near, ids.weak])
      expect((await ok(session, 'schools.get', { id })).history.map((h) => h.summary)).toContain(summary);
    expect((await ok(session, 'schools.get', { id: ids.far })).history.map((h) => h.summary)).not.toContain(
      summary,
    );
    expect((await ok(session, 'partnerships.support', { schoolId: ids.near })).map((x) => x.id)).toEqual([
      saved.id,
    ]);

    await ok(session, 'partnerships.deleteSupport', { id: saved.id });
    const deletion = (await ok(session, 'schools.get', { id: ids.near })).history.find(
      (h) => h.action === 'delete',
    )!;
    expect(deletion.undoable).toBe(true);
    await ok(session, 'records.restore', { auditId: deletion.id });
    expect(await ok(session, 'partnerships.support', {})).toEqual([saved]);
    for (const id of [ids.near, ids.weak]) {
      const history = (await ok(session, 'schools.get', { id })).history;
      expect(history[0]).toMatchObject({ action: 'restore', entity: 'brokered-support' });
      expect(history.filter((h) => h.undoable)).toEqual([]);
    }
  });

  it('names both schools, with their DfE numbers, in its history, and puts them back on an undo', async () => {
    const { session, ids } = await authority();
    const draft = {
      supportingSchoolId: ids.near,
      supportedSchoolId: ids.weak,
      area: 'sef:teaching',
      startsOn: '2009-01-05',
      endsOn: null,
      agreedBy: 'Dee Sim',
      outcome: '',
    };
    const saved = await ok(session, 'partnerships.saveSupport', { draft });
    const changesOf = async (action: string) =>
      (await ok(session, 'schools.get', { id: ids.weak })).history.find(
        (h) => h.entity === 'brokered-support' && h.action === action,
      )!.changes;
    expect(await changesOf('add')).toEqual(
      expect.arrayContaining([
        { field: 'Supporting school', before: null, after: 'Near Primary (860/2002)' },
        { field: 'Supported school', before: null, after: 'Weak Primary (860/2001)' },
      ]),
    );

    await ok(session, 'partnerships.saveSupport', {
      id: saved.id,
      draft: { ...draft, supportingSchoolId: ids.burton },
    });
    expect(await changesOf('edit')).toEqual([
      { field: 'Supporting school', before: 'Near Primary (860/2002)', after: 'Burton Primary (860/2003)' },
    ]);

    await ok(session, 'partnerships.deleteSupport', { id: saved.id });
    const deletion = (await ok(session, 'schools.get', { id: ids.weak })).history.find(
      (h) => h.action === 'delete',
    )!;
    await ok(session, 'records.restore', { auditId: deletion.id });
    expect(await ok(session, 'partnerships.support', { schoolId: ids.weak })).toEqual([
      { ...saved, supportingSchoolId: ids.burton, supportingSchool: 'Burton Primary' },
    ]);
    expect(await changesOf('restore')).toContainEqual({
      field: 'Supporting school',
      before: null,
      after: 'Burton Primary (860/2003)',
    });
  });

  it('refuses a school supporting itself, an end before the start, and unknown schools by field', async () => {
    const { session, ids } = await authority();
    const draft = {
      supportingSchoolId: ids.near,
      supportedSchoolId: ids.near,
      area: 'sef:teaching',
      startsOn: '2009-01-05',
      endsOn: '2009-01-04',
      agreedBy: 'Dee Sim',
      outcome: '',
    };
    expect((await refusal(session, 'partnerships.saveSupport', { draft })).fields).toEqual({
      supportingSchoolId: 'A school cannot be brokered to support itself',
      endsOn: 'Support cannot end before it starts',
    });
    expect(
      await refusal(session, 'partnerships.saveSupport', {
        draft: { ...draft, supportingSchoolId: 999, endsOn: null },
      }),
    ).toMatchObject({
      code: 'not_found',
      fields: { supportingSchoolId: 'This school is not in the register' },
    });
  });
});

describe('partnerships and network money', () => {
  it('keeps members joining and leaving on dates, one lead school, across districts', async () => {
    const { session, ids } = await authority();
    const draft = {
      name: 'Spires Network',
      kind: 'Network of professional practice',
      leadSchoolId: ids.far,
      notes: '',
      members: [
        { schoolId: ids.near, joinedOn: '2008-09-01', leftOn: '2009-07-31' },
        { schoolId: ids.far, joinedOn: '2008-09-01', leftOn: null },
        { schoolId: ids.burton, joinedOn: '2009-09-01', leftOn: null },
      ],
    };
    const saved = await ok(session, 'partnerships.save', { draft });
    expect(saved.members.map((m) => [m.name, m.current])).toEqual([
      ['Near Primary', false],
      ['Far Primary', true],
      ['Burton Primary', true],
    ]);
    expect(saved).toMatchObject({
      leadSchool: 'Far Primary',
      districts: ['Cannock Chase', 'East Staffordshire'],
    });
    expect(
      (
        await refusal(session, 'partnerships.save', {
          draft: { ...draft, name: 'Other', leadSchoolId: ids.near },
        })
      ).fields,
    ).toEqual({ leadSchoolId: 'The lead school must be a member that has not left' });
    expect(
      (await refusal(session, 'partnerships.save', { draft: { ...draft, name: 'spires network' } })).code,
    ).toBe('conflict');
    expect(
      (
        await refusal(session, 'partnerships.save', {
          draft: {
            ...draft,
            name: 'Ghosts',
            members: [...draft.members, { schoolId: 999, joinedOn: '2008-09-01', leftOn: null }],
          },
        })
      ).code,
    ).toBe('not_found');
    expect((await refusal(session, 'partnerships.save', { id: 999, draft })).code).toBe('not_found');
  });

  it('refuses spend beyond the allocation unless it is an agreed overspend with a reason', async () => {
    const { session, ids } = await authority();
    const network = await ok(session, 'partnerships.save', {
      draft: {
        name: 'Moorlands Network',
        kind: 'Network of professional practice',
        leadSchoolId: null,
        notes: '',
        members: [{ schoolId: ids.near, joinedOn: '2008-09-01', leftOn: null }],
      },
    });
    const budget = await ok(session, 'partnerships.saveBudget', {
      draft: {
        partnershipId: network.id,
        academicYear: 2008,
        lines: [
          { id: null, description: 'Supply cover for joint planning', plannedPence: 300_000 },
          { id: null, description: 'Visits to partner schools', plannedPence: 200_000 },
        ],
      },
    });
    expect(budget).toMatchObject({
      allocationPence: 500_000,
      plannedPence: 500_000,
      spentPence: 0,
      remainingPence: 500_000,
    });
    const [cover, visits] = budget.lines;
    const spend = (lineId: number, amountPence: number, overspendReason = '') => ({
      draft: { lineId, spentOn: '2009-02-10', amountPence, description: 'Supply cover', overspendReason },
    });
    await ok(session, 'partnerships.saveSpend', spend(cover!.id, 480_000));
    const refused = await refusal(session, 'partnerships.saveSpend', spend(visits!.id, 40_000));
    expect(refused).toMatchObject({
      code: 'rejected',
      message:
        'This would bring spending to £5,200, £200 over the £5,000 allocation: record it as an agreed overspend, with the reason.',
      fields: { overspendReason: 'Give the reason the overspend was agreed' },
    });
    const agreed = await ok(
      session,
      'partnerships.saveSpend',
      spend(visits!.id, 40_000, 'Agreed by the network on 12/03/2009'),
    );
    expect(agreed).toMatchObject({ spentPence: 520_000, remainingPence: -20_000 });
    expect(agreed.lines.map((l) => l.spentPence)).toEqual([480_000, 40_000]);

    expect(
      (
        await refusal(session, 'partnerships.saveBudget', {
          id: budget.id,
          draft: {
            partnershipId: network.id,
            academicYear: 2008,
            allocationPence: 500_000,
            lines: [{ id: cover!.id, description: cover!.description, plannedPence: cover!.plannedPence }],
          },
        })
      ).fields,
    ).toEqual({ lines: 'A line with spending recorded against it cannot be removed' });
    expect(
      (
        await refusal(session, 'partnerships.saveBudget', {
          draft: { partnershipId: network.id, academicYear: 2008, lines: [] },
        })
      ).code,
    ).toBe('conflict');
    expect((await refusal(session, 'partnerships.saveSpend', spend(9999, 100))).code).toBe('not_found');
    expect((await refusal(session, 'partnerships.delete', { id: network.id })).code).toBe('rejected');
  });
});

describe('barriers to effectiveness', () => {
  it('groups the barriers schools raise by theme into the LA agenda, with its response', async () => {
    const { session, ids } = await authority();
    const barrier = (schoolId: number, theme: string) =>
      ok(session, 'partnerships.saveBarrier', {
        draft: {
          schoolId,
          raisedOn: '2008-10-20',
          theme,
          description: 'Cannot release staff',
          beyondSchool: true,
        },
      });
    await barrier(ids.near, 'Supply cover');
    await barrier(ids.far, 'supply  cover');
    await barrier(ids.near, 'Supply cover');
    await barrier(ids.burton, 'Transport to partner schools');
    await ok(session, 'partnerships.saveResponse', {
      draft: { theme: 'Supply Cover', response: 'Raised with the consortium', respondedOn: '2008-11-30' },
    });
    const agenda = await ok(session, 'partnerships.agenda', {});
    expect(
      agenda.map((a) => [
        a.theme.toLowerCase(),
        a.count,
        a.schools.map((s) => s.name),
        a.response?.respondedOn ?? null,
      ]),
    ).toEqual([
      ['supply cover', 3, ['Far Primary', 'Near Primary'], '2008-11-30'],
      ['transport to partner schools', 1, ['Burton Primary'], null],
    ]);
    expect(
      (
        await refusal(session, 'partnerships.saveResponse', {
          draft: { theme: 'supply cover', response: 'Again', respondedOn: '2008-12-01' },
        })
      ).code,
    ).toBe('conflict');
  });
});

describe('the partnerships workbook', () => {
  it('writes Networks, Key strengths, Brokered support and Barriers, with £ formats and user text as text', async () => {
    const { session, ids } = await weakSchoolAndRegister();
    const [cluster] = await ok(session, 'partnerships.list', {});
    await ok(session, 'partnerships.saveBudget', {
      draft: {
        partnershipId: cluster!.id,
        academicYear: 2008,
        allocationPence: 525_050,
        lines: [{ id: null, description: 'Joint training', plannedPence: 100_000 }],
      },
    });
    await ok(session, 'partnerships.saveStrength', {
      draft: strength(ids.far, { evidence: '=HYPERLINK("http://evil")', area: 'sef:care' }),
    });
    await ok(session, 'partnerships.saveSupport', {
      draft: {
        supportingSchoolId: ids.near,
        supportedSchoolId: ids.weak,
        area: 'sef:teaching',
        startsOn: '2009-01-05',
        endsOn: null,
        agreedBy: 'Dee Sim',
        outcome: '+1 level in writing',
      },
    });
    await ok(session, 'partnerships.saveBarrier', {
      draft: {
        schoolId: ids.weak,
        raisedOn: '2008-10-20',
        theme: 'Supply cover',
        description: 'x',
        beyondSchool: true,
      },
    });
    const file = await ok(session, 'partnerships.export', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Networks',
      'Key strengths',
      'Brokered support',
      'Barriers',
    ]);

    const networks = workbook.getWorksheet('Networks')!;
    expect(networks.getCell('A1').font?.bold).toBe(true);
    expect(networks.getRow(3).values).toEqual([
      undefined,
      'Partnership',
      'Kind',
      'Lead school',
      'Members',
      'Districts',
      'Academic year',
      'Allocation',
      'Planned',
      'Spent',
      'Remaining',
    ]);
    expect(networks.getRow(3).font?.bold).toBe(true);
    expect(networks.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(networks.getCell('G4').value).toBe(5250.5);
    expect(networks.getCell('G4').numFmt).toMatch(/^£#,##0\.00/);
    expect(networks.getCell('J4').value).toBe(5250.5);
    expect(networks.getCell('A4').value).toBe('Two Spires Cluster');
    expect(networks.getCell('E4').value).toBe('Lichfield, Tamworth');

    const strengths = workbook.getWorksheet('Key strengths')!;
    const risky = [...Array(strengths.rowCount - 3).keys()]
      .map((i) => strengths.getRow(i + 4))
      .find((r) => r.getCell(4).value === 'Care, guidance and support')!;
    expect(risky.getCell(1).value).toBe('860/2005');
    expect(risky.getCell(6).value).toBe('=HYPERLINK("http://evil")');
    expect(risky.getCell(6).numFmt).toBe('@');
    expect(risky.getCell(7).value).toBe('Y');

    const support = workbook.getWorksheet('Brokered support')!;
    expect(support.getCell('B4').value).toBe('Near Primary');
    expect(support.getCell('I4').value).toBe('+1 level in writing');
    expect(support.getCell('F4').numFmt).toBe('dd/mm/yyyy');
    expect(workbook.getWorksheet('Barriers')!.getRow(4).values).toEqual([
      undefined,
      'Supply cover',
      1,
      'Weak Primary',
    ]);
  });
});

describe('the demo authority’s partnerships', () => {
  it('tell the same story as its monitoring: strengths where SEFs are strong, support to the weakest', async () => {
    const { session, dir } = tempSession();
    await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
    const db = session.ctx().db;
    const schools = await ok(session, 'schools.list', {});
    const list = await ok(session, 'partnerships.list', {});
    const districts = new Set(schools.map((s) => s.district));
    for (const district of districts) {
      expect(list.map((p) => p.name)).toContain(`${district} Cluster`);
      expect(list.map((p) => p.name)).toContain(`${district} Network`);
    }
    expect(list.some((p) => p.districts.length > 1)).toBe(true);

    const budgets = await ok(session, 'partnerships.budgets', {});
    expect(budgets.length).toBe(districts.size * 2);
    for (const b of budgets) {
      expect(b.allocationPence).toBe(500_000);
      const agreed = b.spend.some((x) => x.overspendReason !== '');
      expect(b.spentPence <= b.allocationPence || agreed, b.partnership).toBe(true);
    }
    expect(budgets.some((b) => b.spend.some((x) => x.overspendReason !== ''))).toBe(true);

    const strengths = await ok(session, 'partnerships.findStrengths', { validatedOnly: true });
    expect(strengths.length).toBeGreaterThanOrEqual(24);
    const grade = db.prepare(
      `SELECT g.grade FROM sef_entries e JOIN sef_grades g ON g.entry_id = e.id
       WHERE e.school_id = ? AND g.judgement = ? ORDER BY e.sef_on DESC LIMIT 1`,
    );
    for (const k of strengths)
      expect(grade.pluck().get(k.schoolId, k.area.slice(4)), k.school).toBeLessThanOrEqual(2);

    const support = await ok(session, 'partnerships.support', {});
    expect(support.length).toBeGreaterThan(0);
    const byId = new Map(schools.map((s) => [s.id, s]));
    for (const x of support) {
      const supported = byId.get(x.supportedSchoolId)!;
      const weak = db
        .prepare(
          `SELECT 1 FROM inspections WHERE school_id = ? AND outcome <> 'None'
           UNION SELECT 1 FROM category_reviews WHERE school_id = ? AND confirmed_category = 4`,
        )
        .get(supported.id, supported.id);
      expect(weak, supported.name).toBeDefined();
      expect(strengths.some((k) => k.schoolId === x.supportingSchoolId && k.area === x.area)).toBe(true);
      expect(byId.get(x.supportingSchoolId)!.category ?? 2).toBeLessThanOrEqual(2);
    }
    const agenda = await ok(session, 'partnerships.agenda', {});
    expect(agenda.reduce((n, a) => n + a.count, 0)).toBe(36);
    expect(
      agenda
        .filter((a) => a.response !== null)
        .map((a) => a.theme)
        .sort(),
    ).toEqual(['Supply cover', 'Transport']);

    const again = tempSession();
    await ok(again.session, 'app.create', { path: join(again.dir, 'demo.sid'), demo: true });
    const tables = [
      'partnerships',
      'partnership_members',
      'network_spend',
      'key_strengths',
      'brokered_support',
      'barriers',
    ];
    const dump = (s: Session) =>
      tables.map((t) => s.ctx().db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    expect(dump(again.session)).toEqual(dump(session));
  });

  it('is exported by sid export partnerships', async () => {
    const { runCli } = await import('../../electron/cli/run');
    const { dir } = tempSession();
    const db = join(dir, 'cli.sid');
    const out = join(dir, 'partnerships.xlsx');
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['init', '--db', db, '--demo'], output)).toBe(0);
    expect(await runCli(['export', 'partnerships', '--db', db, '--out', out], output)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount > 4])).toEqual([
      ['Networks', true],
      ['Key strengths', true],
      ['Brokered support', true],
      ['Barriers', true],
    ]);
  });
});
