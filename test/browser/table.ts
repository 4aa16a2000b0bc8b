/**
 * Reading a chart's data table as a reader sees it (Swedish numbers: "26,8",
 * "12 480" with a non-breaking space, "−1,2" with a real minus, "–" for a
 * missing value) and its CSV (RFC 4180, decimal point, empty = missing).
 */
import type { Locator } from "playwright-core";

export interface TableCell {
  text: string;
  value: number | null;
  /** Decimals shown (digits after the comma). */
  decimals: number;
}

export interface ReadTable {
  columns: string[];
  rows: Array<{ period: string; cells: TableCell[]; values: Array<number | null> }>;
}

/** Swedish number text → number; null for a missing value; NaN for text that is not a number. */
export function parseSwedishNumber(text: string): { value: number | null; decimals: number } {
  const t = text.replace(/saknas/g, "").replace(/[\s\u00a0\u202f]/g, "");
  if (t === "" || t === "–" || t === "-" || t === "..") return { value: null, decimals: 0 };
  // Strip a qualifier before ("ca 70") and a short unit after the number ("35,2 dagar", "4,1 %").
  const m = /^(?:ca\.?|cirka|minst|högst|drygt|knappt|över|under|[≈~<>≤≥])?([−-]?\d+(?:,\d+)?)\s*(?:%|‰|[a-zåäö]{1,12}\.?)?$/i.exec(t);
  if (!m) return { value: NaN, decimals: 0 };
  const num = m[1]!.replace("−", "-").replace(",", ".");
  return { value: Number(num), decimals: (num.split(".")[1] ?? "").length };
}

export async function tableCells(table: Locator): Promise<ReadTable> {
  const raw = await table.evaluate((t: HTMLTableElement) => {
    const text = (el: Element) => (el.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim();
    // textContent keeps the hidden "–" and the screen-reader "saknas": both say "missing".
    return {
      columns: [...t.querySelectorAll("thead th")].map(text),
      rows: [...t.querySelectorAll<HTMLTableRowElement>("tbody tr")].map((tr) => ({ period: text(tr.querySelector("th") ?? tr.cells[0]!), cells: [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "") })),
    };
  });
  return {
    columns: raw.columns.slice(1),
    rows: raw.rows.map((r) => {
      const cells = r.cells.map((c) => ({ text: c.replace(/[\s\u00a0]+/g, " ").trim(), ...parseSwedishNumber(c) }));
      return { period: r.period, cells, values: cells.map((c) => c.value) };
    }),
  };
}

/** RFC 4180 CSV → rows of strings (header first). */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The value a table cell should show for a CSV cell: rounded to the table's decimals (the CSV keeps full precision). */
export function csvMatchesCell(csv: string, cell: TableCell): boolean {
  if (csv === "") return cell.value === null;
  if (cell.value === null || Number.isNaN(cell.value)) return false;
  const v = Number(csv);
  if (!Number.isFinite(v)) return false;
  // The cell is the CSV value rounded to the shown decimals (either neighbour on an exact half).
  return Math.abs(v - cell.value) <= 0.5 / 10 ** cell.decimals + 1e-9;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** A table's period label as an ISO-like key: "2015" → "2015", "maj 2015" → "2015-05", "31 december 2004" → "2004-12-31". */
export function periodKey(label: string): string {
  const t = label.replace(/[\s\u00a0]+/g, " ").trim().toLowerCase();
  const m = /^(?:(\d{1,2}) )?([a-zåäö]+) (\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) {
    const month = String(MONTHS.indexOf(m[2]!) + 1).padStart(2, "0");
    return m[1] ? `${m[3]}-${month}-${m[1].padStart(2, "0")}` : `${m[3]}-${month}`;
  }
  return t;
}

/**
 * Every difference between a chart's CSV and its table; empty when they agree.
 * Rows: same count and order, the CSV's first column is the period
 * ("2015", "2015-05", "2004-12-31") and the table shows it for reading.
 * Values: each table column with numbers must equal one CSV column, cell by
 * cell (the table rounds; "–" is an empty CSV cell). The CSV may name its
 * columns for machines and carry extra columns (e.g. status); a table column
 * whose values are in no CSV column is a difference.
 */
export function compareCsvToTable(csv: string[][], table: ReadTable): string[] {
  const out: string[] = [];
  const [header, ...rows] = csv;
  if (!header) return ["the CSV is empty"];
  if (rows.length !== table.rows.length) out.push(`rows: CSV ${rows.length} vs table ${table.rows.length}`);
  rows.forEach((r, i) => {
    const t = table.rows[i];
    if (t && periodKey(t.period) !== r[0]) out.push(`row ${i + 1}: CSV period "${r[0]}" vs table "${t.period}"`);
  });
  const n = Math.min(rows.length, table.rows.length);
  table.columns.forEach((name, j) => {
    const cells = table.rows.slice(0, n).map((r) => r.cells[j]);
    if (!cells.some((c) => c && c.value !== null && !Number.isNaN(c.value))) return; // a text column (e.g. a source)
    const matches = (k: number) =>
      cells.every((c, i) => {
        const v = rows[i]![k] ?? "";
        if (!c) return false;
        if (Number.isNaN(c.value)) return v === "" || Number.isNaN(Number(v)); // text in the table: no number in the CSV
        return csvMatchesCell(v, c);
      });
    const same = header[j + 1] === name && matches(j + 1);
    if (same) return;
    const k = header.findIndex((_, k) => k > 0 && matches(k));
    if (k < 0) {
      // Name the first differing cell of the column the header suggests (or the same position).
      const guess = header.indexOf(name) > 0 ? header.indexOf(name) : j + 1;
      const i = cells.findIndex((c, i) => !c || !csvMatchesCell(rows[i]![guess] ?? "", c));
      out.push(`column "${name}": no CSV column has its values (e.g. ${rows[i]?.[0]}: table "${cells[i]?.text}", CSV "${header[guess]}" = "${rows[i]?.[guess]}")`);
    }
  });
  return out;
}
