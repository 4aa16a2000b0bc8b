/**
 * Foreign keys between published datasets, declared in datapackage.json as
 * Frictionless `foreignKeys`, and checked against the rows before anything is
 * written: a declared key that does not resolve would send a researcher's
 * join astray, so it stops the build like any other bad row.
 *
 * Only single-value columns are declared. List columns (source_ids,
 * successor_ids, missing_codes) and the indicator datasets' `code` (a
 * kommun, län or riket code depending on `level`) cannot be expressed as a
 * Frictionless foreign key and are left out on purpose.
 */
import { cellReaders, type Dataset } from "./dataset";

/** Frictionless Table Schema foreign key (fields and reference fields in the same order). */
export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

const key = (field: string, resource: string, refField: string): ForeignKey => ({ fields: [field], reference: { resource, fields: [refField] } });

export const FK_FOERBUND = key("foerbund_id", "forbund", "id");
export const FK_MEMBER_KOMMUN = key("member_code", "kommuner", "kommunkod");
export const FK_KOMMUN = key("kommunkod", "kommuner", "kommunkod");
export const FK_LAN = key("lanskod", "lan", "lanskod");
export const FK_SOURCE = key("source_id", "kallor", "id");

/**
 * Every declared key of every dataset resolves: the referenced dataset exists,
 * has the referenced columns, and holds each non-empty value. A row whose key
 * columns are all empty refers to nothing, as in Frictionless.
 */
export function checkForeignKeys(datasets: readonly Dataset[]): void {
  const byName = new Map(datasets.map((d) => [d.name, d]));
  for (const d of datasets) {
    for (const fk of d.foreignKeys ?? []) {
      const target = byName.get(fk.reference.resource);
      const where = `dataset ${d.name}, foreign key ${fk.fields.join("+")} → ${fk.reference.resource}.${fk.reference.fields.join("+")}`;
      if (!target) throw new Error(`${where}: no dataset named ${fk.reference.resource}`);
      for (const f of fk.fields) if (!d.fields.some((x) => x.name === f)) throw new Error(`${where}: no column ${f}`);
      for (const f of fk.reference.fields) if (!target.fields.some((x) => x.name === f)) throw new Error(`${where}: ${target.name} has no column ${f}`);
      const targetCells = columnCells(target, fk.reference.fields);
      const cells = columnCells(d, fk.fields);
      const present = new Set(target.rows.map((r) => keyOf(r, targetCells)));
      d.rows.forEach((r, i) => {
        if (cells.every((cell) => cell(r) === null || cell(r) === "")) return;
        const k = keyOf(r, cells);
        if (!present.has(k)) throw new Error(`${where}, row index ${i}, value ${JSON.stringify(k)}: not found in ${fk.reference.resource}`);
      });
    }
  }
}

type Cell = (row: Record<string, unknown>) => unknown;

/** The published cells of these columns (computed ones included), an absent property as null. */
function columnCells(d: Dataset, fields: readonly string[]): Cell[] {
  const cells = cellReaders(d);
  return fields.map((f) => cells[d.fields.findIndex((x) => x.name === f)]!);
}

const keyOf = (row: Record<string, unknown>, cells: readonly Cell[]) => cells.map((cell) => String(cell(row) ?? "")).join("|");
