/** One CSV cell: text, a number, or nothing. */
export type CsvCell = string | number | null;

/** A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or return first) is read as text instead. */
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row, CRLF line ends, quoted fields where needed, formulas neutralised. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
