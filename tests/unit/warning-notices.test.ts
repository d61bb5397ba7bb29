import { describe, expect, it } from 'vitest';
import { concernsAuthority, noticeDraft, refusal } from './concerns-fixture';
import { ok } from './helpers';

describe('warning notices', () => {
  it('records a notice with its response date, the 15th working day after it was given', async () => {
    const { session, a } = await concernsAuthority();
    const saved = await ok(session, 'warningNotices.save', { draft: noticeDraft(a) });
    expect(saved).toMatchObject({
      school: 'Alder Primary',
      givenOn: '2025-12-10',
      responseDueOn: '2026-01-05',
    });
    const history = (await ok(session, 'schools.get', { id: a })).history;
    expect(history.find((h) => h.entity === 'warning-notice')?.summary).toBe(
      'Warning notice given to Alder Primary on 10/12/2025; response due 05/01/2026',
    );
    // A corrected date moves the response date with it: it is worked out, never typed.
    const moved = await ok(session, 'warningNotices.save', {
      id: saved.id,
      draft: noticeDraft(a, { givenOn: '2026-04-01', complianceDueOn: '2026-06-01' }),
    });
    expect(moved.responseDueOn).toBe('2026-04-24');
  });

  it('keeps a notice in preparation without a response date, and lists by school and double district', async () => {
    const { session, a, c, north, south } = await concernsAuthority();
    const draft = await ok(session, 'warningNotices.save', {
      draft: noticeDraft(c, { givenOn: null, complianceDueOn: null }),
    });
    expect(draft.responseDueOn).toBeNull();
    await ok(session, 'warningNotices.save', { draft: noticeDraft(a) });
    expect(
      (await ok(session, 'warningNotices.list', { doubleDistrictId: north })).map((w) => w.school),
    ).toEqual(['Alder Primary']);
    expect((await ok(session, 'warningNotices.list', { doubleDistrictId: south })).map((w) => w.id)).toEqual([
      draft.id,
    ]);
    expect(await ok(session, 'warningNotices.list', {})).toHaveLength(2);
  });

  it('refuses powers used within the initial period, and an IEB without consent, at their fields', async () => {
    const { session, a } = await concernsAuthority();
    const early = await refusal(session, 'warningNotices.save', {
      draft: noticeDraft(a, {
        outcome: 'Powers used',
        outcomeOn: '2026-01-05',
        powers: ['Interim executive board'],
      }),
    });
    expect(early.code).toBe('invalid_input');
    expect(early.fields).toEqual({
      outcomeOn: "Powers can be used only after the school's initial period, which ends on 05/01/2026",
      iebConsentOn: "An interim executive board needs the Secretary of State's consent: give its date",
    });
    const used = await ok(session, 'warningNotices.save', {
      draft: noticeDraft(a, {
        outcome: 'Powers used',
        outcomeOn: '2026-02-20',
        powers: ['Interim executive board', 'Required partnership or federation'],
        iebConsentOn: '2026-02-18',
        partnerName: 'Oakridge High School',
        partnershipForm: 'A federation',
      }),
    });
    expect(used).toMatchObject({ outcome: 'Powers used', partnershipForm: 'A federation' });
    const none = await refusal(session, 'warningNotices.save', { draft: noticeDraft(a, { grounds: [] }) });
    expect(none.fields).toEqual({ grounds: 'Choose at least one ground' });
  });

  it('deletes a notice entered in error and restores it with Undo', async () => {
    const { session, a } = await concernsAuthority();
    const saved = await ok(session, 'warningNotices.save', { draft: noticeDraft(a) });
    const { auditId } = await ok(session, 'warningNotices.delete', { id: saved.id });
    expect(await ok(session, 'warningNotices.list', { schoolId: a })).toEqual([]);
    expect(await ok(session, 'records.restore', { auditId })).toEqual({
      entity: 'warning-notice',
      id: saved.id,
    });
    expect(await ok(session, 'warningNotices.list', { schoolId: a })).toEqual([saved]);
    expect((await refusal(session, 'warningNotices.save', { id: 999, draft: noticeDraft(a) })).code).toBe(
      'not_found',
    );
  });
});
