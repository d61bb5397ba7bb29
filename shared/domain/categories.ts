/** The LA's categories, on Ofsted's scale, and the support each brings (DOMAIN §5). */
export const CATEGORIES = { 1: 'Outstanding', 2: 'Good', 3: 'Satisfactory', 4: 'Inadequate' } as const;
export type Category = keyof typeof CATEGORIES;
export const isCategory = (n: number): n is Category => n === 1 || n === 2 || n === 3 || n === 4;

export const SUPPORT_LEVELS = ['low', 'medium', 'high'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export const PROPOSAL_SOURCES = ['SIP summary report', 'DSIM', 'DIG review'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

export function supportFor(category: Category): SupportLevel {
  return category <= 2 ? 'low' : category === 3 ? 'medium' : 'high';
}

export interface CategoryDecision {
  category: Category;
  override: SupportLevel | null;
  overrideReason: string | null;
}

/** The support a confirmed category gives, unless the DIG set it otherwise — which needs a reason. */
export function supportLevel(decision: CategoryDecision): SupportLevel {
  return decision.override ?? supportFor(decision.category);
}

export function checkOverride(
  category: Category,
  override: SupportLevel | null,
  reason: string,
): string | null {
  if (override === null || override === supportFor(category)) return null;
  return reason.trim() === ''
    ? `Give a reason for ${override} support: category ${category} normally brings ${supportFor(category)} support.`
    : null;
}
