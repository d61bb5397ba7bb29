import { z } from 'zod';
import { ELEMENT_CODES } from '../domain/effectiveness';
import { longText, nameText, oneOf } from '../domain/fields';
import { byId, deleted, id, nothing, op, saveOf } from './common';

/** An academic year by the year it starts in: 2008 is 2008/09. */
export const academicYear = z
  .number({ message: 'Choose an academic year' })
  .int({ message: 'Choose an academic year' })
  .min(1990, { message: 'Choose an academic year from 1990/91' })
  .max(2100, { message: 'Choose an academic year before 2100/01' });

export const profileSection = z
  .object({
    element: oneOf(ELEMENT_CODES),
    /** '' for the element as a whole; otherwise the aspect's name. */
    aspect: nameText(120),
    narrative: longText(),
    themes: longText(),
    strengths: longText(),
    barriers: longText(),
  })
  .strict();
export type ProfileSection = z.infer<typeof profileSection>;

export const effectivenessProfileDraft = z
  .object({ schoolId: id, academicYear, sections: z.array(profileSection).max(60) })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.sections.forEach((s, index) => {
      const key = `${s.element}|${s.aspect.trim().toLowerCase()}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'aspect'],
          message: s.aspect.trim()
            ? `The aspect "${s.aspect.trim()}" is already in this profile`
            : 'This element already has a section for the element as a whole',
        });
      seen.add(key);
    });
  });
export type EffectivenessProfileDraft = z.infer<typeof effectivenessProfileDraft>;
export const effectivenessProfileRow = z.object({
  id,
  schoolId: id,
  academicYear: z.number(),
  /** "2008/09". */
  label: z.string(),
  sections: z.array(profileSection),
});
export type EffectivenessProfileRow = z.infer<typeof effectivenessProfileRow>;

export const effectivenessProfileLabels = {
  academicYear: 'Academic year',
  sections: 'Elements',
};

export const effectivenessProfilesOps = {
  /** The six elements, in the framework's order. */
  'effectivenessProfiles.elements': op(
    nothing,
    z.array(z.object({ code: z.enum(ELEMENT_CODES), label: z.string() })),
  ),
  /** A school's profiles, newest year first. */
  'effectivenessProfiles.list': op(z.object({ schoolId: id }).strict(), z.array(effectivenessProfileRow)),
  'effectivenessProfiles.save': op(saveOf(effectivenessProfileDraft), effectivenessProfileRow),
  'effectivenessProfiles.delete': op(byId, deleted),
};
