// Its own module, without Node imports: the site's CSV code, which also runs in the browser (charts/spec.ts), uses it.
/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -,
 * @, a tab or a carriage return as a formula. Such a text cell gets a leading
 * apostrophe, which spreadsheets show as plain text. Numbers stay numbers:
 * they are written from number values, and a text cell that is exactly a
 * number ("-5", "-0.5") is left as it is.
 */
export function spreadsheetSafe(text: string): string {
  // The first character decides for almost every cell, without a regular expression.
  const first = text.charCodeAt(0);
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13) return text;
  return /^-?\d+(\.\d+)?$/.test(text) ? text : `'${text}`;
}
