/**
 * DfE numbers are the LA code and the establishment number: `860/2001`. Staff also type them without
 * the slash (`8602001`); both mean the same school, so the canonical form is the one with the slash.
 */
const DFE = /^(\d{3})\s*\/?\s*(\d{4})$/;

export function parseDfe(raw: string): string | null {
  const match = DFE.exec(raw.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}
