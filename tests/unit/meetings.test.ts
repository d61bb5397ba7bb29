import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { verifyAuditChain } from '../../electron/data/audit';
import { openDatabase } from '../../electron/data/database';
import { fillDemoAuthority } from '../../electron/data/demo';
import { meetings } from '../../electron/data/meetings';
import { decisionDraft, meetingTitle } from '../../shared/domain/meetings';
import { concernDraft, concernsAuthority, refusal } from './concerns-fixture';
import { ok, snapshot } from './helpers';

type Authority = Awaited<ReturnType<typeof concernsAuthority>>;

const meetingDraft = (f: Authority, extra: object = {}) => ({
  heldOn: '2026-11-12',
  kind: 'District Intervention/Resource Group',
  doubleDistrictId: f.north,
  attendees: [
    { name: 'Harriet Oldfield', role: 'Head of SID (chair)' },
    { name: 'Dana Simms', role: 'DSIM' },
    { name: 'Frank Ledger', role: 'SID Finance' },
  ],
  agenda: '1. Category moderation\n2. Schools causing concern\n3. Funding',
  minutes: 'Alder Primary: pace of improvement too slow; the group moved it to Stage 3.',
  decisions: [],
  ...extra,
});

/** Alder Primary with a Stage 2 concern and a project; St Mary's with a category proposal. */
async function withThingsToDecide() {
  const f = await concernsAuthority();
  const concern = await ok(f.session, 'concerns.save', { draft: concernDraft(f.a) });
  const proposal = await ok(f.session, 'categories.propose', {
    draft: {
      schoolId: f.b,
      proposedOn: '2026-07-10',
      source: 'SIP summary report',
      proposedById: f.dsim,
      category: 3,
      evidence: 'Results down two years running',
    },
  });
  const project = await ok(f.session, 'projects.save', {
    draft: {
      schoolId: f.a,
      concernId: concern.id,
      stage: 'Stage 2',
      leadOfficerId: f.dsim,
      team: ['Bob Consultant'],
      objectives: ['Raise attainment in mathematics'],
      startedOn: '2026-09-07',
      reviewOn: '2026-12-14',
    },
  });
  const decisions = [
    {
      kind: 'stage',
      schoolId: f.a,
      subjectId: concern.id,
      to: 3,
      reason: 'Insufficient pace of improvement',
      decidedById: f.head,
    },
    { kind: 'category', schoolId: f.b, subjectId: proposal.id, category: 3, notes: 'Agreed with the SIP' },
    {
      kind: 'project',
      schoolId: f.a,
      subjectId: project.id,
      decision: 'refer',
      reason: 'Little impact',
      nextReviewOn: null,
    },
    {
      kind: 'funding',
      schoolId: f.a,
      subjectId: project.id,
      source: 'pss-monitoring',
      description: 'Two monitoring days',
      days: 2,
      amountPence: 100000,
      exceptionReason: '',
    },
  ];
  const meeting = await ok(f.session, 'meetings.save', { draft: meetingDraft(f, { decisions }) });
  return { ...f, concern, proposal, project, meeting };
}

describe('group meetings', () => {
  it('are saved with their attendees and decisions, refused plainly, and deleted with an undo', async () => {
    const f = await concernsAuthority();
    const bad = await refusal(f.session, 'meetings.save', {
      draft: meetingDraft(f, { heldOn: '2026-02-30', attendees: [{ name: '', role: 'DSIM' }] }),
    });
    expect(bad.code).toBe('invalid_input');
    expect(bad.fields).toMatchObject({ heldOn: 'Enter a real date, like 04/09/2008' });
    expect(JSON.stringify(bad.fields)).toContain('This is required');

    const nowhere = await refusal(f.session, 'meetings.save', {
      draft: meetingDraft(f, { doubleDistrictId: f.south + 50 }),
    });
    expect(nowhere.fields).toEqual({ doubleDistrictId: 'Choose one of the double districts' });

    const outside = await refusal(f.session, 'meetings.save', {
      draft: meetingDraft(f, {
        decisions: [{ kind: 'category', schoolId: f.c, subjectId: 1, category: 2, notes: '' }],
      }),
    });
    expect(outside.message).toBe('Decisions: tame Valley Primary is not in this meeting’s double district.');

    const saved = await ok(f.session, 'meetings.save', { draft: meetingDraft(f) });
    expect(saved).toMatchObject({ doubleDistrict: 'Cannock / Lichfield', decisions: [] });
    expect(saved.attendees[2]).toEqual({ name: 'Frank Ledger', role: 'SID Finance' });
    expect((await refusal(f.session, 'meetings.get', { id: saved.id + 1 })).code).toBe('not_found');
    expect(
      (await refusal(f.session, 'meetings.save', { id: saved.id + 1, draft: meetingDraft(f) })).message,
    ).toBe(`There is no group meeting ${saved.id + 1}.`);

    const focus = await ok(f.session, 'meetings.save', {
      draft: meetingDraft(f, { kind: 'District Focus Group', heldOn: '2026-10-01', doubleDistrictId: null }),
    });
    expect((await ok(f.session, 'meetings.list', {})).map((m) => m.id)).toEqual([saved.id, focus.id]);
    expect((await ok(f.session, 'meetings.list', { doubleDistrictId: null })).map((m) => m.id)).toEqual([
      focus.id,
    ]);
    expect(
      (await ok(f.session, 'meetings.list', { kind: 'District Intervention/Resource Group' })).map(
        (m) => m.id,
      ),
    ).toEqual([saved.id]);

    const { auditId } = await ok(f.session, 'meetings.delete', { id: saved.id });
    expect((await ok(f.session, 'meetings.list', {})).map((m) => m.id)).toEqual([focus.id]);
    await ok(f.session, 'records.restore', { auditId });
    expect(await ok(f.session, 'meetings.get', { id: saved.id })).toEqual(saved);
  });

  it('previews exactly what applying the decisions does, then applies them pointing at the meeting', async () => {
    const f = await withThingsToDecide();
    const before = snapshot(f.session);
    const preview = await ok(f.session, 'meetings.previewDecisions', { meetingId: f.meeting.id });
    expect(snapshot(f.session)).toBe(before);
    expect(preview.problems).toEqual([]);
    expect(preview.changes.find((c) => c.entity === 'concern')?.changes).toContainEqual({
      field: 'Stage',
      before: 'Stage 2',
      after: 'Stage 3',
    });

    const applied = await ok(f.session, 'meetings.applyDecisions', { meetingId: f.meeting.id });
    expect(applied.changes).toEqual(preview.changes);
    expect(applied.changes.map((c) => [c.entity, c.school])).toEqual([
      ['concern', 'Alder Primary'],
      ['category', "St Mary's Primary"],
      ['project', 'Alder Primary'],
      ['project-cost', 'Alder Primary'],
    ]);
    expect(applied.meeting.decisions.every((d) => d.appliedBy === 'test.user' && d.appliedAt !== null)).toBe(
      true,
    );

    const concern = await ok(f.session, 'concerns.get', { id: f.concern.id });
    expect(concern.stage).toBe(3);
    expect(concern.decisions.at(-1)).toMatchObject({
      decidedOn: '2026-11-12',
      meeting: 'District Intervention/Resource Group of 12/11/2026',
    });
    const project = await ok(f.session, 'projects.get', { id: f.project.id });
    expect(project.status).toBe('Referred to DMT');
    expect(project.costs.map((c) => [c.amountPence, c.status, c.incurredOn])).toEqual([
      [100000, 'Committed', '2026-11-12'],
    ]);

    const { db } = f.session.ctx();
    const pointed = db
      .prepare('SELECT entity, summary FROM audit_log WHERE meeting_id = ? ORDER BY id')
      .all(f.meeting.id) as Array<{ entity: string; summary: string }>;
    expect(pointed.map((e) => e.entity)).toEqual(['concern', 'category', 'project', 'project-cost']);
    for (const e of pointed)
      expect(e.summary).toMatch(/ \(at the District Intervention\/Resource Group of 12\/11\/2026\)$/);
    expect(verifyAuditChain(db).firstBroken).toBeNull();

    const again = await refusal(f.session, 'meetings.applyDecisions', { meetingId: f.meeting.id });
    expect(again.message).toBe('This meeting has no decisions waiting to be applied.');
    const kept = await refusal(f.session, 'meetings.delete', { id: f.meeting.id });
    expect(kept.message).toContain('have been applied');
    const changed = applied.meeting.decisions.map((d, i) => (i === 0 ? { ...d, reason: 'Changed mind' } : d));
    const edited = await refusal(f.session, 'meetings.save', {
      id: f.meeting.id,
      draft: meetingDraft(f, {
        decisions: changed.map(({ school: _s, appliedAt: _a, appliedBy: _b, ...d }) => d),
      }),
    });
    expect(edited.fields?.decisions).toMatch(/has been applied: it stays as it was$/);
    // The minutes can still be corrected, the applied decisions sent back as they were.
    const corrected = await ok(f.session, 'meetings.save', {
      id: f.meeting.id,
      draft: meetingDraft(f, {
        minutes: 'Corrected minutes',
        decisions: applied.meeting.decisions.map(({ school: _s, appliedAt: _a, appliedBy: _b, ...d }) => d),
      }),
    });
    expect(corrected.minutes).toBe('Corrected minutes');
    expect(corrected.decisions).toEqual(applied.meeting.decisions);
  });

  it('offers the schools of its double district with something to decide, and checks who decided', async () => {
    const f = await withThingsToDecide();
    await ok(f.session, 'concerns.save', { draft: concernDraft(f.c) });
    const options = await ok(f.session, 'meetings.decisionOptions', { meetingId: f.meeting.id });
    expect(
      options.map((o) => [o.school, o.proposals.length, o.concern?.stage ?? null, o.projects.length]),
    ).toEqual([
      ['Alder Primary', 0, 2, 1],
      ["St Mary's Primary", 1, null, 0],
    ]);
    const county = await ok(f.session, 'meetings.save', {
      draft: meetingDraft(f, { doubleDistrictId: null }),
    });
    expect(
      (await ok(f.session, 'meetings.decisionOptions', { meetingId: county.id })).map((o) => o.school),
    ).toEqual(['Alder Primary', "St Mary's Primary", 'Tame Valley Primary']);

    const nobody = await refusal(f.session, 'meetings.save', {
      id: f.meeting.id,
      draft: meetingDraft(f, {
        decisions: [
          { kind: 'stage', schoolId: f.a, subjectId: f.concern.id, to: 3, reason: 'Pace', decidedById: 999 },
        ],
      }),
    });
    expect(nobody.code).toBe('invalid_input');
    // Over the Priority School Support cap without a reason: refused by the project's own rule, by name.
    await ok(f.session, 'meetings.save', {
      id: f.meeting.id,
      draft: meetingDraft(f, {
        decisions: [
          {
            kind: 'funding',
            schoolId: f.a,
            subjectId: f.project.id,
            source: 'pss-monitoring',
            description: 'Ten monitoring days',
            days: 10,
            amountPence: 500000,
            exceptionReason: '',
          },
        ],
      }),
    });
    const capped = await refusal(f.session, 'meetings.applyDecisions', { meetingId: f.meeting.id });
    expect(capped.message).toMatch(
      /^Nothing was applied: “Alder Primary: agree £5,000 for .+” no longer applies\. /,
    );
    expect(capped.message).toContain('The DSIM can record an exception with a reason.');
  });

  it('applies nothing when one decision no longer applies, and says which', async () => {
    const f = await withThingsToDecide();
    // The proposal is decided on its own page before the minutes are applied.
    await ok(f.session, 'categories.decide', {
      id: f.proposal.id,
      draft: { decidedOn: '2026-11-01', category: 2, notes: '', supportOverride: null, overrideReason: '' },
    });
    const preview = await ok(f.session, 'meetings.previewDecisions', { meetingId: f.meeting.id });
    expect(preview.problems).toEqual([
      {
        decisionId: f.meeting.decisions[1]!.id,
        message: 'The DIG has already decided on this proposal; record a new proposal instead.',
      },
    ]);
    const before = snapshot(f.session);
    const refused = await refusal(f.session, 'meetings.applyDecisions', { meetingId: f.meeting.id });
    expect(refused.message).toBe(
      "Nothing was applied: “St Mary's Primary: confirm category 3” no longer applies. The DIG has already decided on this proposal; record a new proposal instead.",
    );
    expect(snapshot(f.session)).toBe(before);
  });

  it('waits for a meeting to be held before applying its decisions', async () => {
    const f = await withThingsToDecide();
    const later = await ok(f.session, 'meetings.save', {
      draft: meetingDraft(f, { heldOn: '2099-01-10', minutes: f.meeting.minutes }),
    });
    await ok(f.session, 'meetings.save', {
      id: later.id,
      draft: meetingDraft(f, {
        heldOn: '2099-01-10',
        decisions: [{ kind: 'category', schoolId: f.b, subjectId: f.proposal.id, category: 3, notes: '' }],
      }),
    });
    const refused = await refusal(f.session, 'meetings.applyDecisions', { meetingId: later.id });
    expect(refused.message).toBe(
      'This meeting is on 10/01/2099: its decisions can be applied once it has been held.',
    );
  });

  it('keeps the meeting pointer in the sealed record of changes, which `sid check` still verifies', async () => {
    const f = await withThingsToDecide();
    await ok(f.session, 'meetings.applyDecisions', { meetingId: f.meeting.id });
    await ok(f.session, 'app.close', {});

    const out: string[] = [];
    const code = await runCli(['check', '--db', f.path], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Record of changes: \d+ entries, none altered/);

    const db = new Database(f.path);
    expect(() =>
      db.prepare('UPDATE audit_log SET meeting_id = NULL WHERE meeting_id IS NOT NULL').run(),
    ).toThrow('The record of changes cannot be altered.');
    // Someone who drops the guard and moves a change to another meeting is caught by the chain.
    db.exec('DROP TRIGGER audit_log_no_update');
    const moved = db
      .prepare('SELECT min(id) FROM audit_log WHERE meeting_id IS NOT NULL')
      .pluck()
      .get() as number;
    db.prepare('UPDATE audit_log SET meeting_id = meeting_id + 1 WHERE id = ?').run(moved);
    db.close();
    const tampered: string[] = [];
    expect(
      await runCli(['check', '--db', f.path], { out: (l) => tampered.push(l), err: (l) => tampered.push(l) }),
    ).toBe(1);
    expect(tampered.join('\n')).toContain(`entry ${moved} does not match its hash`);
  });
});

describe('the demo authority’s meetings', () => {
  it('has each double district’s past groups, the next one ahead, and applied decisions that agree with the records', async () => {
    const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'sid-demo-')), 'demo.sid'), {
      create: true,
    });
    fillDemoAuthority(db, '2026-11-23');
    const rows = db
      .prepare('SELECT id, held_on AS heldOn, kind, double_district_id AS dd FROM meetings ORDER BY held_on')
      .all() as Array<{ id: number; heldOn: string; kind: string; dd: number | null }>;
    const areas = db.prepare('SELECT id FROM double_districts').pluck().all() as number[];
    for (const dd of areas) {
      const own = rows.filter((m) => m.dd === dd);
      const groups = own.filter((m) => m.kind === 'District Intervention/Resource Group');
      const ahead = groups.filter((m) => m.heldOn > '2026-11-23');
      expect(ahead).toHaveLength(1);
      expect(ahead[0]!.heldOn <= '2026-12-14').toBe(true);
      expect(groups.length).toBeGreaterThanOrEqual(3);
      expect(own.filter((m) => m.kind === 'District Focus Group').length).toBeGreaterThanOrEqual(4);
    }

    let applied = 0;
    for (const row of rows) {
      const m = meetings.get(db, row.id)!;
      expect(m.attendees.length).toBeGreaterThan(0);
      for (const d of m.decisions) {
        applied++;
        const draft = Object.fromEntries(
          Object.entries(d).filter(([key]) => !['school', 'appliedAt', 'appliedBy'].includes(key)),
        );
        expect(decisionDraft.safeParse(draft).success).toBe(true);
        expect(d.appliedAt?.slice(0, 10)).toBe(m.heldOn);
        if (d.kind === 'stage')
          expect(
            db
              .prepare(
                'SELECT to_stage, decided_on, meeting FROM concern_stage_decisions WHERE concern_id = ? AND decided_on = ?',
              )
              .get(d.subjectId, m.heldOn),
          ).toEqual({ to_stage: d.to, decided_on: m.heldOn, meeting: meetingTitle(m) });
        if (d.kind === 'category')
          expect(
            db
              .prepare('SELECT confirmed_category, decided_on FROM category_reviews WHERE id = ?')
              .get(d.subjectId),
          ).toEqual({ confirmed_category: d.category, decided_on: m.heldOn });
      }
    }
    expect(applied).toBeGreaterThan(4);
    db.close();
  });
});
