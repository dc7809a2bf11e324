/**
 * One CSV cell (RFC 4180) that a spreadsheet will not run as a formula. Cells starting with = + - @, a tab or a
 * carriage return are formulas to Excel, LibreOffice and WPS even inside quotes (OWASP "CSV injection"): such a cell
 * gets a leading apostrophe, which the spreadsheet shows as text. Numbers are written as numbers, so -3.5 stays -3.5.
 * Shared by every CSV writer: the register, the contract-annex corner table, the page's conflict download.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = formulaGuard(typeof v === 'object' ? JSON.stringify(v) : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe; other text is unchanged. */
export const formulaGuard = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
