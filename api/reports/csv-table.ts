// A table as a CSV document every spreadsheet opens safely: the reports'
// common CSV writer.

// Spreadsheet programs read a cell starting with one of these as a formula; an
// agreement text like "=HYPERLINK(…)" must stay text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

// One RFC 4180 field: quoted when it holds a separator, quote or line break,
// with quotes doubled; formula-looking text behind an apostrophe.
function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

// UTF-8 with a byte-order mark, so spreadsheet programs show the accents, and
// CRLF line ends as RFC 4180 asks.
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join('')}`;
}
