import { describe, expect, it } from 'vitest';
import {
  chooseContact,
  draftLetter,
  notificationOf,
  type LetterFacts,
} from '../../shared/domain/concern-letter';
import { todayInLondon } from '../../shared/domain/format';
import { buildTimeline } from '../../shared/domain/timeline';
import { concernDraft, concernsAuthority, refusal } from './concerns-fixture';
import { ok } from './helpers';
import { pdfPages } from './pdf-text';

const facts: LetterFacts = {
  school: 'Alder Primary',
  headteacher: 'Mrs J Hale',
  chairOfGovernors: null,
  stage: 2,
  factors: ['Low attainment overall or for groups', 'Budgetary problems'],
  factorNotes: 'KS2 results below floor two years running',
  digConfirmedOn: '2025-09-30',
  contact: { name: 'Dana Simms', role: 'District Strategic Improvement Manager' },
  headOfSid: 'Harriet Oldfield',
};

describe('the notification letter’s default words', () => {
  it('says why in plain words, what the stage means, what happens next and whom to contact', () => {
    const letter = draftLetter(facts);
    expect(letter.addressee).toBe('Mrs J Hale, Headteacher\nThe Chair of Governors\nAlder Primary');
    expect(letter.body).toContain(
      'identified Alder Primary as a school causing concern, at Stage 2 (light touch)',
    );
    expect(letter.body).toContain('confirmed this on 30/09/2025');
    expect(letter.body).toContain('Pupils’ attainment is low, overall or for some groups of pupils.');
    expect(letter.body).toContain('The school’s budget is in difficulty.');
    expect(letter.body).not.toContain('Budgetary problems');
    expect(letter.body).toContain('KS2 results below floor two years running');
    expect(letter.body).toContain('An officer from the local authority’s locality team will be assigned');
    expect(letter.body).toContain('may move the school to Stage 3');
    expect(letter.body).toMatch(
      /Yours sincerely,\n\nHarriet Oldfield\nHead of the School Improvement Division$/,
    );
    expect(letter.contact).toBe(
      'Dana Simms, District Strategic Improvement Manager\nSchool Improvement Division',
    );
  });

  it('tells a Stage 3 school of its project group and a Stage 1 school of its watching brief', () => {
    expect(draftLetter({ ...facts, stage: 3 }).body).toContain('strategic improvement project group');
    const led = draftLetter({
      ...facts,
      stage: 3,
      contact: { name: 'Lee Ward', role: 'Lead project officer' },
    });
    expect(led.body).toContain('Lee Ward is the local authority’s lead project officer for the school.');
    expect(led.body).not.toContain('will be identified');
    expect(draftLetter({ ...facts, contact: { name: 'Ann Ash', role: 'Assigned officer' } }).body).toContain(
      'Ann Ash has been assigned from the locality team to work with the school.',
    );
    expect(draftLetter({ ...facts, stage: 3 }).body).toContain(
      'A lead project officer from the local authority will be identified.',
    );
    const watching = draftLetter({ ...facts, stage: 1, digConfirmedOn: null }).body;
    expect(watching).toContain('Stage 1 (a watching brief)');
    expect(watching).not.toContain('confirmed this on');
  });

  it('takes as contact the officer closest to the work, the Head of SID only as a last resort', () => {
    const none = { projectLead: null, assignedOfficer: null, dsim: null, sip: null, headOfSid: null };
    expect(chooseContact(none)).toBeNull();
    expect(chooseContact({ ...none, headOfSid: 'H', sip: 'S' })).toEqual({
      name: 'S',
      role: 'School Improvement Partner',
    });
    expect(chooseContact({ ...none, sip: 'S', dsim: 'D', assignedOfficer: 'A' })?.name).toBe('A');
    expect(chooseContact({ ...none, dsim: 'D', assignedOfficer: 'A', projectLead: 'L' })).toEqual({
      name: 'L',
      role: 'Lead project officer',
    });
  });

  it('records on the concern when and at which stage the school was told', () => {
    expect(
      notificationOf({
        datedOn: '2025-10-06',
        stage: 2,
        addressee: 'Mrs J Hale, Headteacher\n\nAlder Primary',
      }),
    ).toBe(
      'Letter of 06/10/2025 to Mrs J Hale, Headteacher; Alder Primary: the school causes concern at Stage 2 (light touch). The letter is kept with the concern.',
    );
  });
});

describe('saving a notification letter', () => {
  async function concernWithDsimVisit() {
    const authority = await concernsAuthority();
    const { session, a, dsim } = authority;
    await ok(session, 'visits.save', {
      draft: {
        schoolId: a,
        visitedOn: '2025-10-03',
        visitorId: dsim,
        role: 'DSIM',
        purpose: 'Identifying support',
        days: 0.5,
        notes: '',
        reportReceivedOn: null,
        qaOn: null,
        claimStatus: 'Not claimed',
      },
    });
    const concern = await ok(session, 'concerns.save', { draft: concernDraft(a) });
    return { ...authority, concern };
  }

  it('drafts from the concern, keeps the edited words in the PDF and records the notification, audited', async () => {
    const { session, a, concern } = await concernWithDsimVisit();
    const drafted = await ok(session, 'concernLetters.draft', { concernId: concern.id });
    expect(drafted.datedOn).toBe(todayInLondon());
    expect(drafted.contact).toContain('Dana Simms, District Strategic Improvement Manager');
    expect(drafted.body).toContain('Harriet Oldfield');

    const edited = {
      ...drafted,
      datedOn: '2025-10-06',
      body: `${drafted.body}\n\nPS: the governors’ meeting on 14 October will hear this letter read.`,
    };
    const saved = await ok(session, 'concernLetters.save', { draft: edited });
    expect(saved).toMatchObject({
      concernId: concern.id,
      stage: 2,
      datedOn: '2025-10-06',
      school: 'Alder Primary',
    });
    expect(saved.body).toContain('PS: the governors’ meeting on 14 October');

    const listed = await ok(session, 'concernLetters.list', { concernId: concern.id });
    expect(listed.map((l) => l.id)).toEqual([saved.id]);

    const file = await ok(session, 'concernLetters.download', { id: saved.id });
    expect(file.fileName).toBe('Notification letter Alder Primary 2025-10-06.pdf');
    const pages = await pdfPages(Buffer.from(file.dataBase64, 'base64'));
    for (const page of pages) expect(page).toContain('CONFIDENTIAL');
    const text = pages.join(' ');
    expect(text).toContain('Alder Primary: a school causing concern at Stage 2');
    expect(text).toContain('06/10/2025');
    expect(text).toContain('PS: the governors’ meeting on 14 October will hear this letter read.');
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);

    const told = await ok(session, 'concerns.get', { id: concern.id });
    expect(told.notifiedOn).toBe('2025-10-06');
    expect(told.notification).toContain('Letter of 06/10/2025');
    expect(told.notification).toContain('Stage 2 (light touch)');

    const history = (await ok(session, 'schools.get', { id: a })).history;
    const letterEntry = history.find((h) => h.entity === 'concern-letter' && h.action === 'add')!;
    expect(letterEntry.changes).toContainEqual({ field: 'Letter date', before: null, after: '06/10/2025' });
    const concernEntry = history.find((h) => h.entity === 'concern' && h.action === 'edit')!;
    expect(concernEntry.summary).toContain('by letter');
    expect(concernEntry.changes).toContainEqual({ field: 'Notified', before: null, after: '06/10/2025' });
    // On the school's timeline the letter is filed among the concerns.
    const timeline = buildTimeline(await ok(session, 'monitoring.school', { schoolId: a }), history);
    expect(timeline.find((i) => i.title.startsWith('Wrote the notification letter'))?.kind).toBe('Concerns');

    // A concern the school has been written to was not entered in error: it is closed, not deleted.
    expect((await refusal(session, 'concerns.delete', { id: concern.id })).message).toBe(
      'The school has been sent a letter about this concern, so it cannot be deleted: close the concern instead.',
    );
    expect(await ok(session, 'concernLetters.list', { concernId: concern.id })).toHaveLength(1);
  });

  it('corrects a letter before it goes out, making its PDF again, but not once the concern has moved stage', async () => {
    const { session, a, head, concern } = await concernWithDsimVisit();
    const drafted = await ok(session, 'concernLetters.draft', { concernId: concern.id });
    const first = await ok(session, 'concernLetters.save', { draft: { ...drafted, datedOn: '2025-10-06' } });
    const later = await ok(session, 'concernLetters.save', { draft: { ...drafted, datedOn: '2025-10-09' } });
    const corrected = await ok(session, 'concernLetters.save', {
      id: first.id,
      draft: {
        ...drafted,
        datedOn: '2025-10-06',
        body: `${drafted.body}\n\nCorrected: the meeting is on Friday.`,
      },
    });
    expect(corrected.id).toBe(first.id);
    const pages = await pdfPages(
      Buffer.from((await ok(session, 'concernLetters.download', { id: first.id })).dataBase64, 'base64'),
    );
    expect(pages.join(' ')).toContain('Corrected: the meeting is on Friday.');
    expect((await ok(session, 'concernLetters.list', { concernId: concern.id })).map((l) => l.id)).toEqual([
      later.id,
      first.id,
    ]);
    // The concern still records the latest letter, not the older one corrected.
    expect((await ok(session, 'concerns.get', { id: concern.id })).notifiedOn).toBe('2025-10-09');
    const history = (await ok(session, 'schools.get', { id: a })).history;
    expect(history.filter((h) => h.entity === 'concern-letter').map((h) => h.action)).toEqual([
      'edit',
      'add',
      'add',
    ]);

    await ok(session, 'concerns.changeStage', {
      id: concern.id,
      draft: {
        decidedOn: '2025-11-03',
        to: 3,
        reason: 'Insufficient pace of improvement',
        decidedById: head,
        meeting: '',
      },
    });
    const refused = await refusal(session, 'concernLetters.save', { id: first.id, draft: drafted });
    expect(refused.message).toBe(
      'This letter told of Stage 2; the concern is now at Stage 3: write a new letter.',
    );
    expect((await ok(session, 'concernLetters.draft', { concernId: concern.id })).body).toContain(
      'at Stage 3 (an intensive programme)',
    );
  });

  it('refuses a letter dated in the future, before the concern opened, left blank or about a closed concern', async () => {
    const { session, concern } = await concernWithDsimVisit();
    const drafted = await ok(session, 'concernLetters.draft', { concernId: concern.id });
    const save = (extra: object) =>
      refusal(session, 'concernLetters.save', { draft: { ...drafted, ...extra } });

    expect((await save({ datedOn: '2099-01-01' })).fields).toEqual({
      datedOn: 'A letter cannot be dated in the future',
    });
    expect((await save({ datedOn: '2025-09-01' })).fields?.datedOn).toBe(
      'This cannot be before the concern opened on 01/10/2025',
    );
    expect((await save({ body: '   ' })).fields?.body).toBe('This is required');
    expect((await refusal(session, 'concernLetters.draft', { concernId: 999 })).code).toBe('not_found');

    await ok(session, 'concerns.close', {
      id: concern.id,
      draft: { closedOn: '2025-12-01', outcome: 'Improved' },
    });
    expect((await save({ datedOn: '2025-12-02' })).message).toBe(
      'This concern is closed: no letter can be written about it.',
    );
    expect(await ok(session, 'concernLetters.list', { concernId: concern.id })).toEqual([]);
    expect((await ok(session, 'concerns.get', { id: concern.id })).notifiedOn).toBeNull();
  });
});
