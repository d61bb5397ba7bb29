import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../shared/domain/timeline';

const empty = {
  visits: [],
  categories: [],
  sef: [],
  inspections: [],
  monitoringVisits: [],
  profiles: [],
  sipDays: { academicYear: '2008/09', used: 0, allocation: 5, over: false },
  urgent: null,
};

describe('the school timeline', () => {
  it('puts every kind of record in date order, newest first, with SEF grades by label', () => {
    const items = buildTimeline(
      {
        ...empty,
        visits: [
          {
            id: 1,
            schoolId: 1,
            visitedOn: '2008-10-15',
            visitorId: 1,
            visitor: 'Kath Kent',
            role: 'SIP',
            purpose: 'Validating the SEF',
            days: 1,
            notes: '',
            reportReceivedOn: '2008-10-20',
            qaOn: null,
            claimStatus: 'Not claimed',
            term: 'Autumn 2008',
          },
        ],
        sef: [
          {
            id: 2,
            schoolId: 1,
            framework: 'english-sef',
            sefOn: '2008-09-04',
            validated: true,
            grades: { capacity: 3, overall: 2 },
          },
        ],
        categories: [
          {
            id: 3,
            schoolId: 1,
            proposedOn: '2009-06-10',
            source: 'DSIM',
            proposedById: null,
            proposedBy: null,
            proposedCategory: 3,
            evidence: 'Weak maths',
            decidedOn: '2009-07-01',
            confirmedCategory: 3,
            decisionNotes: null,
            supportOverride: 'high',
            overrideReason: 'Safeguarding',
            supportLevel: 'high',
          },
        ],
        monitoringVisits: [
          { id: 4, schoolId: 1, visitedOn: '2009-03-01', progress: 'Inadequate', notes: '' },
        ],
        inspections: [
          {
            id: 5,
            schoolId: 1,
            inspectedOn: '2008-06-01',
            type: 'Section 5 inspection',
            overall: 4,
            grades: {},
            outcome: 'Notice to Improve',
            laResponse: 'Appeal to Ofsted',
            laResponseOutcome: '',
            laCategory: 3,
          },
        ],
      },
      [
        {
          id: 9,
          at: '2009-08-01T10:00:00.000Z',
          user: 'ann',
          entity: 'school',
          entityId: 1,
          action: 'edit',
          summary: 'Changed Headteacher',
          changes: [],
          undoable: false,
        },
      ],
    );
    expect(items.map((i) => [i.date, i.kind])).toEqual([
      ['2009-08-01', 'Record changes'],
      ['2009-07-01', 'Categories'],
      ['2009-06-10', 'Categories'],
      ['2009-03-01', 'Ofsted'],
      ['2008-10-15', 'Visits'],
      ['2008-09-04', 'SEF'],
      ['2008-06-01', 'Ofsted'],
    ]);
    expect(items[6]!.lines).toEqual([
      "Ofsted's judgement is harsher than the LA's category 3: Appeal to Ofsted",
    ]);
    expect(items[1]!.title).toBe('DIG confirmed category 3 Satisfactory: high support');
    expect(items[1]!.lines).toEqual(['Support set to high: Safeguarding']);
    expect(items[4]!.lines).toContain('Report received 20/10/2008; awaiting QA');
    expect(items[5]!.lines).toEqual(['Overall effectiveness 2 · Capacity to improve 3']);
  });
});
