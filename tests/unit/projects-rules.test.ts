import { describe, expect, it } from 'vitest';
import { calendarFrom, defaultTermDates } from '../../shared/domain/calendar';
import { addHalfTerms } from '../../shared/domain/half-terms';
import {
  isOverdue,
  latestReview,
  meetingOverdue,
  reviewBase,
  reviewDeadlineProblem,
  threeTermsWithoutImprovement,
} from '../../shared/domain/projects';

// Default terms used below: summer 2025 28/04–18/07 (second half 02/06); autumn 2025 01/09–19/12
// (second half 03/11); spring 2026 05/01–27/03 (second half 23/02).
describe('milestones', () => {
  it('are overdue once past their due date without being met', () => {
    const due = '2025-11-14';
    expect(isOverdue({ dueOn: due, status: 'In progress' }, '2025-11-14')).toBe(false);
    expect(isOverdue({ dueOn: due, status: 'In progress' }, '2025-11-15')).toBe(true);
    expect(isOverdue({ dueOn: due, status: 'Partly met' }, '2025-11-15')).toBe(true);
    expect(isOverdue({ dueOn: due, status: 'Not started' }, '2025-11-15')).toBe(true);
    expect(isOverdue({ dueOn: due, status: 'Met' }, '2026-01-01')).toBe(false);
  });
});

describe('the review deadline', () => {
  it('is at most two terms on, and the summer holiday is not a term', () => {
    // 16/06/2025 is seven weeks into the summer term; two terms on is seven weeks into spring 2026.
    expect(latestReview('2025-06-16')).toBe('2026-02-23');
    expect(reviewDeadlineProblem('2025-06-16', '2026-02-23')).toBeNull();
    expect(reviewDeadlineProblem('2025-06-16', '2026-02-24')).toBe(
      'A review comes at most two terms after 16/06/2025: by 23/02/2026',
    );
    expect(reviewDeadlineProblem('2025-06-16', '2025-06-16')).toBe('The review must come after 16/06/2025');
  });

  it("follows the LA's own term dates", () => {
    const la = calendarFrom([
      ...defaultTermDates(2025).filter((t) => t.term !== 'spring'),
      {
        academicYear: 2025,
        term: 'spring',
        startsOn: '2026-01-06',
        secondHalfOn: '2026-02-23',
        endsOn: '2026-03-27',
      },
    ]);
    expect(latestReview('2025-06-16', la)).toBe('2026-02-24');
  });

  it('counts from the last decision to continue, not from a referral', () => {
    expect(reviewBase('2025-01-13', [])).toBe('2025-01-13');
    expect(
      reviewBase('2025-01-13', [
        { decidedOn: '2025-06-20', decision: 'continue' },
        { decidedOn: '2025-12-01', decision: 'refer' },
      ]),
    ).toBe('2025-06-20');
  });
});

describe('three terms without significant improvement', () => {
  it('warns from three terms after the start', () => {
    // 13/01/2025 is a week into spring 2025; three terms on is a week into spring 2026.
    expect(threeTermsWithoutImprovement('2025-01-13', [], '2026-01-11')).toBe(false);
    expect(threeTermsWithoutImprovement('2025-01-13', [], '2026-01-12')).toBe(true);
  });

  it('counts again from the end of the last term rated a significant improvement', () => {
    const reports = [
      { academicYear: 2025, term: 'autumn', significantImprovement: true },
      { academicYear: 2025, term: 'spring', significantImprovement: false },
    ];
    expect(threeTermsWithoutImprovement('2025-01-13', reports, '2026-01-12')).toBe(false);
    expect(threeTermsWithoutImprovement('2025-01-13', reports, '2026-12-18')).toBe(true);
    const notImproved = reports.map((r) => ({ ...r, significantImprovement: false }));
    expect(threeTermsWithoutImprovement('2025-01-13', notImproved, '2026-01-12')).toBe(true);
  });
});

describe('a Stage 3 project group meets at least half-termly', () => {
  it('is flagged the day after a half-term has passed since its last meeting', () => {
    // 15/09/2025 is two weeks into autumn's first half; the second half begins 03/11/2025.
    expect(addHalfTerms('2025-09-15', 1)).toBe('2025-11-17');
    expect(meetingOverdue('2025-09-15', '2025-11-17')).toBe(false);
    expect(meetingOverdue('2025-09-15', '2025-11-18')).toBe(true);
  });

  it('does not count the holiday between terms as school time', () => {
    // 01/12/2025 is four weeks into autumn's second half: four weeks into spring is 02/02/2026.
    expect(addHalfTerms('2025-12-01', 1)).toBe('2026-02-02');
    expect(meetingOverdue('2025-12-01', '2026-01-30')).toBe(false);
  });

  it('keeps the date within a shorter next half-term', () => {
    // 11/04/2025 ends a long spring second half; summer's first half ends before 02/06/2025.
    expect(addHalfTerms('2025-04-11', 1)).toBe('2025-06-01');
  });
});
