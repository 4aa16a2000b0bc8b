/**
 * What changed between two folders of CSV datasets (before and after a
 * refresh), as Markdown for the refresh pull request:
 *   npx tsx scripts/refresh-diff.ts <before> <after> [--out file.md]
 * Rows are matched on the key columns each dataset has (förbund, KPI, area,
 * year, sex); per dataset it lists rows added and removed, rows changed, new
 * years, and the values that moved most.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { parseCsv } from "../src/pipeline/csv";

const KEY_COLUMNS = ["foerbund_id", "kpi", "level", "code", "year", "sex"];
const MOVES_SHOWN = 5;

export interface DatasetChange {
  file: string;
  added: number;
  removed: number;
  changed: number;
  newYears: number[];
  moves: Array<{ key: string; before: string; after: string }>;
}

function csvFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".csv")) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function rowsByKey(dir: string, file: string): { key: string[]; rows: Map<string, Record<string, string>> } {
  const path = join(dir, file);
  if (!existsSync(path)) return { key: [], rows: new Map() };
  const text = readFileSync(path, "utf8");
  if (text.trim().split("\n").length < 2) return { key: [], rows: new Map() };
  const table = parseCsv(text, file);
  const key = KEY_COLUMNS.filter((c) => table.columns.includes(c));
  // Without key columns, a row is its own key: changes show as one removed and one added.
  const keyOf = (v: Record<string, string>) => (key.length ? key.map((c) => v[c]) : table.columns.map((c) => v[c])).join("|");
  return { key, rows: new Map(table.rows.map((r) => [keyOf(r.values), r.values])) };
}

export function diffDatasets(before: string, after: string): DatasetChange[] {
  const files = [...new Set([...csvFiles(before), ...csvFiles(after)])].sort();
  const changes: DatasetChange[] = [];
  for (const file of files) {
    const a = rowsByKey(before, file);
    const b = rowsByKey(after, file);
    const yearsBefore = new Set([...a.rows.values()].map((r) => r.year).filter(Boolean));
    const newYears = [...new Set([...b.rows.values()].map((r) => r.year).filter((y): y is string => !!y && !yearsBefore.has(y)))].map(Number).sort();
    let added = 0;
    let changed = 0;
    const moves: DatasetChange["moves"] = [];
    for (const [k, row] of b.rows) {
      const old = a.rows.get(k);
      if (!old) {
        added++;
        continue;
      }
      if (Object.keys(row).some((c) => row[c] !== old[c])) {
        changed++;
        if (row.value !== undefined && row.value !== old.value) moves.push({ key: k, before: old.value ?? "", after: row.value });
      }
    }
    const removed = [...a.rows.keys()].filter((k) => !b.rows.has(k)).length;
    if (added || removed || changed) {
      moves.sort((x, y) => moved(y) - moved(x) || x.key.localeCompare(y.key));
      changes.push({ file, added, removed, changed, newYears, moves: moves.slice(0, MOVES_SHOWN) });
    }
  }
  return changes;
}

function moved(m: { before: string; after: string }): number {
  const d = Math.abs(Number(m.after) - Number(m.before));
  return Number.isFinite(d) ? d : Infinity;
}

export function formatDiff(changes: readonly DatasetChange[], title: string): string {
  if (changes.length === 0) return `### ${title}\n\nInga ändringar.\n`;
  const lines = [`### ${title}`, "", "| datamängd | nya rader | borttagna | ändrade | nya år |", "|---|---:|---:|---:|---|"];
  for (const c of changes) lines.push(`| \`${c.file}\` | ${c.added} | ${c.removed} | ${c.changed} | ${c.newYears.join(", ") || "–"} |`);
  const withMoves = changes.filter((c) => c.moves.length);
  if (withMoves.length) {
    lines.push("", `Värden som flyttat mest (högst ${MOVES_SHOWN} per datamängd; nyckel = ${KEY_COLUMNS.join("|")} där kolumnen finns):`, "");
    for (const c of withMoves) for (const m of c.moves) lines.push(`- \`${c.file}\` ${m.key}: ${m.before || "tomt"} → ${m.after || "tomt"}`);
  }
  return lines.join("\n") + "\n";
}

function main(): void {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: "string" }, title: { type: "string", default: "Ändringar" } } });
  if (positionals.length !== 2) {
    console.error("usage: npx tsx scripts/refresh-diff.ts <before> <after> [--out file.md] [--title text]");
    process.exit(2);
  }
  const text = formatDiff(diffDatasets(positionals[0]!, positionals[1]!), values.title!);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
