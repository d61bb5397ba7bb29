/**
 * Paths in the address, so a reload or the Back button returns to the same page. A path is a pattern
 * such as `schools/:id`; its `:name` parts are whole numbers (record ids).
 */
export type Params<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: number } & Params<Rest>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: number }
    : object;

/** The numbers a hash holds for a pattern, or null if the hash is not that page. */
export function matchPath(pattern: string, hash: string): Record<string, number> | null {
  const want = pattern.split('/');
  const got = hash.replace(/^#\/?/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, number> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i]!;
    if (part.startsWith(':')) {
      if (!/^\d+$/.test(value)) return null;
      params[part.slice(1)] = Number(value);
    } else if (part !== value) return null;
  }
  return params;
}

export function fillPath(pattern: string, params: object): string {
  const values = params as Record<string, unknown>;
  return `#/${pattern.replace(/:(\w+)/g, (_, name: string) => String(values[name]))}`;
}
