import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { decodeUtf8, parseCsv, requireColumns } from "../csv";
import { DataInputError } from "../errors";
import { assertUniqueKey, validateRows } from "../validate";
import { endsBeforeStart, precedes } from "./dates";
import {
  COMPLETE_LIST_COLUMNS,
  completeListSchema,
  type CompleteList,
  FOERBUND_COLUMNS,
  NAME_COLUMNS,
  NATIONAL_COUNT_COLUMNS,
  SOURCE_COLUMNS,
  SPELL_COLUMNS,
  foerbundSchema,
  nameSchema,
  nationalCountSchema,
  sourceSchema,
  spellSchema,
  type Foerbund,
  type FoerbundName,
  type NationalCount,
  type Source,
  type Spell,
} from "./schema";

export const REGISTRY_FILES = {
  sources: "sources.csv",
  foerbund: "foerbund.csv",
  names: "names.csv",
  spells: "spells.csv",
  completeLists: "complete_lists.csv",
  nationalCounts: "national_counts.csv",
} as const;

export interface Registry {
  sources: Source[];
  foerbund: Foerbund[];
  names: FoerbundName[];
  spells: Spell[];
  /** Dates on which a source lists every förbund in a scope (see completeListSchema). */
  completeLists: CompleteList[];
  /** The kommun list the registry was checked against (the 290 kommuner). */
  kommunCodes: ReadonlySet<string>;
  /** Derived from successor_ids: förbund id → ids of the förbund it succeeded. */
  predecessors: ReadonlyMap<string, string[]>;
}

function readTable<S extends z.ZodType>(dir: string, name: string, columns: readonly string[], schema: S) {
  const file = join(dir, name);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new DataInputError({ file }, "registry file is missing or unreadable");
  }
  const table = parseCsv(decodeUtf8(bytes, file), file);
  requireColumns(table, columns);
  return { file, rows: validateRows(schema, table) };
}

/**
 * Read and cross-check the registry CSVs (sources, förbund, names, spells, complete lists). Every problem is a DataInputError
 * naming file, row, column and value, so a curator can fix the cell directly.
 */
export function loadRegistry(dir: string, kommunCodes: ReadonlySet<string>): Registry {
  const sources = readTable(dir, REGISTRY_FILES.sources, SOURCE_COLUMNS, sourceSchema);
  const foerbund = readTable(dir, REGISTRY_FILES.foerbund, FOERBUND_COLUMNS, foerbundSchema);
  const names = readTable(dir, REGISTRY_FILES.names, NAME_COLUMNS, nameSchema);
  const spells = readTable(dir, REGISTRY_FILES.spells, SPELL_COLUMNS, spellSchema);
  const completeLists = readTable(dir, REGISTRY_FILES.completeLists, COMPLETE_LIST_COLUMNS, completeListSchema);

  assertUniqueKey(sources.rows, ["id"], sources.file);
  assertUniqueKey(foerbund.rows, ["id"], foerbund.file);

  const sourceIds = new Set(sources.rows.map((s) => s.id));
  const checkSources = (file: string, row: number, ids: string[]) => {
    for (const id of ids) {
      if (!sourceIds.has(id)) throw new DataInputError({ file, row, column: "source_ids", value: id }, `unknown source id (not in ${REGISTRY_FILES.sources})`);
    }
  };

  const foerbundIds = new Set(foerbund.rows.map((f) => f.id));
  for (const f of foerbund.rows) {
    checkSources(foerbund.file, f.row, f.source_ids);
    for (const s of f.successor_ids) {
      if (!foerbundIds.has(s)) throw new DataInputError({ file: foerbund.file, row: f.row, column: "successor_ids", value: s }, "unknown successor förbund id");
    }
    if (endsBeforeStart(f.founded, f.ended)) {
      throw new DataInputError({ file: foerbund.file, row: f.row, column: "ended", value: f.ended?.raw }, `the förbund ends before it is founded (${f.founded.raw})`);
    }
  }

  const named = new Set<string>();
  for (const n of names.rows) {
    if (!foerbundIds.has(n.foerbund_id)) throw new DataInputError({ file: names.file, row: n.row, column: "foerbund_id", value: n.foerbund_id }, "unknown förbund id");
    checkSources(names.file, n.row, n.source_ids);
    if (endsBeforeStart(n.from, n.to)) throw new DataInputError({ file: names.file, row: n.row, column: "to", value: n.to.raw }, `the name period ends before it starts (${n.from.raw})`);
    named.add(n.foerbund_id);
  }
  for (const f of foerbund.rows) {
    if (!named.has(f.id)) throw new DataInputError({ file: foerbund.file, row: f.row, column: "id", value: f.id }, `förbund has no name in ${REGISTRY_FILES.names}`);
  }

  for (const s of spells.rows) {
    if (!foerbundIds.has(s.foerbund_id)) throw new DataInputError({ file: spells.file, row: s.row, column: "foerbund_id", value: s.foerbund_id }, "unknown förbund id");
    if (!kommunCodes.has(s.member_code)) throw new DataInputError({ file: spells.file, row: s.row, column: "member_code", value: s.member_code }, "member_code is not in the kommun list");
    checkSources(spells.file, s.row, s.source_ids);
    if (endsBeforeStart(s.from, s.to)) {
      throw new DataInputError({ file: spells.file, row: s.row, column: "to", value: s.to.raw }, `the spell ends before it starts (from ${s.from.raw})`);
    }
  }
  assertOneFoerbundAtATime(spells.rows, spells.file);

  assertUniqueKey(completeLists.rows, ["id"], completeLists.file);
  for (const c of completeLists.rows) {
    if (!sourceIds.has(c.source_id)) {
      throw new DataInputError({ file: completeLists.file, row: c.row, column: "source_id", value: c.source_id }, `unknown source id (not in ${REGISTRY_FILES.sources})`);
    }
  }

  const predecessors = new Map<string, string[]>();
  for (const f of foerbund.rows) {
    for (const s of f.successor_ids) predecessors.set(s, [...(predecessors.get(s) ?? []), f.id]);
  }

  return {
    sources: sources.rows,
    foerbund: foerbund.rows,
    names: names.rows,
    spells: spells.rows,
    completeLists: completeLists.rows,
    kommunCodes,
    predecessors,
  };
}

/**
 * A kommun (or one stadsdel of it) is in at most one förbund on any day. Two
 * spells of the same member must therefore be ordered: one ends no later than
 * the other starts, on both sides of the date uncertainty (dates.ts precedes).
 * Where a source records a succession but not its day, the curator writes the
 * same date code as the old spell's `to` and the new spell's `from`. A
 * whole-kommun spell collides with any spell of the kommun; two different
 * stadsdelar do not.
 */
function assertOneFoerbundAtATime(spells: readonly Spell[], file: string): void {
  const byKommun = new Map<string, Spell[]>();
  for (const s of spells) byKommun.set(s.member_code, [...(byKommun.get(s.member_code) ?? []), s]);
  for (const list of byKommun.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.stadsdel !== "" && b.stadsdel !== "" && a.stadsdel !== b.stadsdel) continue;
        if (precedes(a, b) || precedes(b, a)) continue;
        const who = b.stadsdel ? `${b.member_code} (${b.stadsdel})` : b.member_code;
        throw new DataInputError(
          { file, row: b.row, column: "from", value: b.from.raw },
          `member ${who} may be in two förbund at once: "${a.foerbund_id}" (row ${a.row}, ${a.from.raw} to ${a.to.raw}) and "${b.foerbund_id}" (${b.from.raw} to ${b.to.raw}); end the earlier spell where the later one starts (the same date code in "to" and "from" if the day is unknown)`,
        );
      }
    }
  }
}

/** Published national counts, checked against the registry's sources. */
export function loadNationalCounts(dir: string, registry: Pick<Registry, "sources">): NationalCount[] {
  const { file, rows } = readTable(dir, REGISTRY_FILES.nationalCounts, NATIONAL_COUNT_COLUMNS, nationalCountSchema);
  assertUniqueKey(rows, ["id"], file);
  // The same source cannot publish two values for one metric, date and scope.
  assertUniqueKey(
    rows.map((r) => ({ row: r.row, key: `${r.reference_date.raw}|${r.scope}|${r.metric}|${r.source_id}` })),
    ["key"],
    file,
  );
  const ids = new Set(registry.sources.map((s) => s.id));
  for (const r of rows) {
    if (!ids.has(r.source_id)) throw new DataInputError({ file, row: r.row, column: "source_id", value: r.source_id }, `unknown source id (not in ${REGISTRY_FILES.sources})`);
  }
  return rows;
}
