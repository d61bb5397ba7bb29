/** Where the user is, kept in the address so a reload or the Back button returns to the same page. */
export type View =
  | { kind: 'schools' }
  | { kind: 'school'; id: number }
  | { kind: 'monitoring' }
  | { kind: 'sef-grid' }
  | { kind: 'register' }
  | { kind: 'organisation' };

export function viewFromHash(hash: string): View {
  const school = /^#\/schools\/(\d+)$/.exec(hash);
  if (school?.[1]) return { kind: 'school', id: Number(school[1]) };
  if (hash === '#/register') return { kind: 'register' };
  if (hash === '#/monitoring') return { kind: 'monitoring' };
  if (hash === '#/sef-grid') return { kind: 'sef-grid' };
  if (hash === '#/organisation') return { kind: 'organisation' };
  return { kind: 'schools' };
}

export function hashOf(view: View): string {
  return view.kind === 'school' ? `#/schools/${view.id}` : `#/${view.kind}`;
}
