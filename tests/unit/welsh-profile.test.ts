import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { fileAtVersion, ok, tempSession } from './helpers';

/** A file as version 6 of the app left it, holding Welsh six-element grades for two schools. */
async function fileWithWelshGrades(): Promise<string> {
  const { path, db } = await fileAtVersion(
    6,
    `
    INSERT INTO double_districts (id, name) VALUES (1, 'Ceredigion / Powys');
    INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Ceredigion', 1);
    INSERT INTO schools (id, dfe, name, phase, district_id) VALUES
      (1, '860/2001', 'Aberaeron Primary', 'Primary', 1), (2, '860/2002', 'Borth Primary', 'Primary', 1);
    UPDATE app_settings SET value = 'welsh-six-elements' WHERE key = 'sef.framework';
    INSERT INTO sef_entries (id, school_id, framework_id, sef_on, validated) VALUES
      (1, 1, 2, '2008-09-04', 0), (2, 1, 2, '2009-03-02', 1), (3, 2, 2, '2009-10-01', 0),
      (4, 2, 1, '2009-10-01', 1);
    INSERT INTO sef_grades (entry_id, judgement, grade) VALUES
      (1, 'leadership', 2), (1, 'networks', 3), (2, 'leadership', 1), (3, 'curriculum-teaching', 4),
      (4, 'overall', 2), (4, 'teaching', 3);
  `,
  );
  db.close();
  return path;
}

describe('the Welsh framework, corrected', () => {
  it('moves Welsh grades into the narrative of each school’s profile for that year, losing none', async () => {
    const path = await fileWithWelshGrades();
    const { session } = tempSession();
    await ok(session, 'app.open', { path });

    const [aberaeron] = await ok(session, 'effectivenessProfiles.list', { schoolId: 1 });
    expect(aberaeron).toMatchObject({ academicYear: 2008, label: '2008/09' });
    expect(aberaeron!.sections).toEqual([
      expect.objectContaining({
        element: 'leadership',
        aspect: '',
        narrative:
          'Graded 2 (good) on the SEF of 04/09/2008 before the framework was corrected.\n' +
          'Graded 1 (outstanding) on the SEF of 02/03/2009, validated by the SIP, before the framework was corrected.',
        themes: '',
      }),
      expect.objectContaining({
        element: 'networks',
        narrative: 'Graded 3 (satisfactory) on the SEF of 04/09/2008 before the framework was corrected.',
      }),
    ]);
    const borth = await ok(session, 'effectivenessProfiles.list', { schoolId: 2 });
    expect(borth.map((p) => [p.label, p.sections.map((s) => s.narrative)])).toEqual([
      ['2009/10', ['Graded 4 (inadequate) on the SEF of 01/10/2009 before the framework was corrected.']],
    ]);

    // The English SEF of the same school and day is kept as it was; no Welsh grades remain.
    const m = await ok(session, 'monitoring.school', { schoolId: 2 });
    expect(m.sef).toEqual([
      expect.objectContaining({ framework: 'english-sef', grades: { overall: 2, teaching: 3 } }),
    ]);
    expect((await ok(session, 'monitoring.school', { schoolId: 1 })).sef).toEqual([]);
    const frameworks = await ok(session, 'sef.frameworks', {});
    expect(frameworks.active).toBe('english-sef');
    expect(frameworks.frameworks.map((f) => f.code)).toEqual(['english-sef']);
  });

  it('keeps a profile per school and year, per element and named aspect, audited and deletable', async () => {
    const path = await fileWithWelshGrades();
    const { session } = tempSession();
    await ok(session, 'app.open', { path });
    const draft = {
      schoolId: 2,
      academicYear: 2008,
      sections: [
        {
          element: 'curriculum-teaching',
          aspect: '',
          narrative: 'Planning is shared across the phase.',
          themes: 'Assessment for learning in Key Stage 2',
          strengths: '',
          barriers: 'Supply cover for release time',
        },
        {
          element: 'curriculum-teaching',
          aspect: 'Assessment',
          narrative: '=SUM(A1)',
          themes: '',
          strengths: 'Moderation with the cluster',
          barriers: '',
        },
      ],
    };
    const saved = await ok(session, 'effectivenessProfiles.save', { draft });
    expect(saved).toMatchObject({ schoolId: 2, label: '2008/09', sections: draft.sections });

    expect(await invoke(session, 'effectivenessProfiles.save', { draft })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { academicYear: 'Already recorded' } },
    });
    const twice = { ...draft, academicYear: 2010, sections: [draft.sections[0], draft.sections[0]] };
    expect(await invoke(session, 'effectivenessProfiles.save', { draft: twice })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const graded = { ...draft, academicYear: 2011, sections: [{ ...draft.sections[0], element: 'overall' }] };
    expect(await invoke(session, 'effectivenessProfiles.save', { draft: graded })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(session, 'effectivenessProfiles.save', { id: 999, draft })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no School Effectiveness Profile 999.' },
    });
    expect(await invoke(session, 'effectivenessProfiles.list', { schoolId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const { auditId } = await ok(session, 'effectivenessProfiles.delete', { id: saved.id });
    expect((await ok(session, 'effectivenessProfiles.list', { schoolId: 2 })).map((p) => p.label)).toEqual([
      '2009/10',
    ]);
    await ok(session, 'records.restore', { auditId });
    const back = await ok(session, 'effectivenessProfiles.list', { schoolId: 2 });
    expect(back.find((p) => p.id === saved.id)?.sections).toEqual(draft.sections);
    const { history } = await ok(session, 'schools.get', { id: 2 });
    expect(history.map((h) => h.summary)).toContain('Recorded a School Effectiveness Profile for 2008/09');
  });

  it('refuses to grade the Welsh elements as a SEF, pointing to the profile', async () => {
    const { session, dir } = tempSession();
    await ok(session, 'app.create', { path: join(dir, 'new.sid'), demo: false });
    expect(await invoke(session, 'sef.setFramework', { code: 'welsh-six-elements' })).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('School Effectiveness Profile') },
    });
    expect((await ok(session, 'effectivenessProfiles.elements', {})).map((e) => e.label)).toEqual([
      'Leadership',
      'Curriculum and teaching',
      'Working with others',
      'Networks of professional practice',
      'Intervention and support',
      'Improvement and accountability',
    ]);
  });
});
