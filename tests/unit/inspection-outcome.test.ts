import { describe, expect, it } from 'vitest';
import { checkInspectionOutcome } from '../../shared/domain/ofsted';

describe('an inspection outcome fits its overall judgement', () => {
  it('puts a school judged inadequate at section 5 in a category', () => {
    expect(checkInspectionOutcome('Section 5 inspection', 4, 'None')).toMatch(
      /Notice to Improve or Special Measures/,
    );
    expect(checkInspectionOutcome('Section 5 inspection', 4, 'Notice to Improve')).toBeNull();
    expect(checkInspectionOutcome('Section 5 inspection', 4, 'Special Measures')).toBeNull();
  });

  it('gives a category only with an overall judgement of 4', () => {
    expect(checkInspectionOutcome('Section 5 inspection', 3, 'Notice to Improve')).toBe(
      'Notice to Improve comes only with an overall judgement of 4 (Inadequate).',
    );
    expect(checkInspectionOutcome('Section 8 inspection', null, 'Special Measures')).toMatch(/only with/);
    expect(checkInspectionOutcome('Section 5 inspection', 2, 'None')).toBeNull();
  });

  it('does not ask an HMI monitoring visit or a section 8 inspection for a category', () => {
    expect(checkInspectionOutcome('Monitoring inspection', 4, 'None')).toBeNull();
    expect(checkInspectionOutcome('Section 8 inspection', 4, 'None')).toBeNull();
  });
});
