/**
 * Text shortened for a message, so a 1 MB cell does not become a 1 MB error. Kept apart from the
 * field rules (fields.ts), which bring zod, so the workbook thread can quote a cell without loading it.
 */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max
    ? flat
    : `${flat.slice(0, max - 1)}… (${flat.length.toLocaleString('en-GB')} characters)`;
}
