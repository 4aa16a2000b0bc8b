/**
 * Import the 290 kommuner (Kolada's kommun list) and the 21 län (SCB's names).
 * Codes stay strings: kommunkod 4 characters, länskod 2.
 */
import { z } from "zod";
import type { FileTree } from "../atomic";
import { formatCsv } from "../csv";
import { DataInputError } from "../errors";
import { SNAPSHOT_COLUMNS, type Kommun, type Lan, type Provenance } from "../schema";
import { assertUniqueKey, kommunkod, lanskod, name, validateRows } from "../validate";
import { checksum, readSourceCsv } from "./source-files";

const KOLADA_KOMMUN_FILE = "kolada/ddf--entities--geo--kommun.csv";
const SCB_LAN_FILE = "scb/scb_lan_codes_from_BefolkningNy_metadata.csv";

const koladaKommunSchema = z.object({
  kommun: kommunkod,
  name,
  region: lanskod,
  rike: z.literal("0", { message: "rike must be 0" }),
  "is--kommun": z.literal("TRUE", { message: "is--kommun must be TRUE" }),
});
const scbLanSchema = z.object({ lanskod, lan_namn: name });

export const EXPECTED_KOMMUNER = 290;
export const EXPECTED_LAN = 21;

export interface Areas {
  kommuner: Kommun[];
  lan: Lan[];
}

export function importAreas(from: string): { areas: Areas; files: FileTree } {
  const k = readSourceCsv(from, KOLADA_KOMMUN_FILE, ["kommun", "name", "region", "rike", "is--kommun"]);
  const l = readSourceCsv(from, SCB_LAN_FILE, ["lanskod", "lan_namn"]);
  const kommunRows = validateRows(koladaKommunSchema, k.table);
  assertUniqueKey(kommunRows, ["kommun"], KOLADA_KOMMUN_FILE);
  const lanRows = validateRows(scbLanSchema, l.table);
  assertUniqueKey(lanRows, ["lanskod"], SCB_LAN_FILE);

  const lanCodes = new Set(lanRows.map((r) => r.lanskod));
  for (const r of kommunRows) {
    if (!lanCodes.has(r.region)) throw new DataInputError({ file: KOLADA_KOMMUN_FILE, row: r.row, column: "region", value: r.region }, "unknown länskod");
    if (!r.kommun.startsWith(r.region))
      throw new DataInputError({ file: KOLADA_KOMMUN_FILE, row: r.row, column: "kommun", value: r.kommun }, `kommunkod does not start with its länskod ${r.region}`);
  }
  if (kommunRows.length !== EXPECTED_KOMMUNER)
    throw new DataInputError({ file: KOLADA_KOMMUN_FILE, row: kommunRows.length + 1, column: "kommun" }, `expected ${EXPECTED_KOMMUNER} kommuner, found ${kommunRows.length}`);
  if (lanRows.length !== EXPECTED_LAN)
    throw new DataInputError({ file: SCB_LAN_FILE, row: lanRows.length + 1, column: "lanskod" }, `expected ${EXPECTED_LAN} län, found ${lanRows.length}`);

  const kommuner: Kommun[] = kommunRows
    .map((r) => ({ kommunkod: r.kommun, name: r.name, lanskod: r.region }))
    .sort((a, b) => a.kommunkod.localeCompare(b.kommunkod));
  const lan: Lan[] = lanRows.map((r) => ({ lanskod: r.lanskod, name: r.lan_namn })).sort((a, b) => a.lanskod.localeCompare(b.lanskod));

  const provenance: Provenance = {
    source: "areas",
    title: "Kommuner och län",
    publisher: "SCB (koder och namn), via Kolada (RKA) och SCB:s PxWeb-metadata",
    original_publishers: ["Statistiska centralbyrån (SCB)"],
    licence: "Ingen licens angiven: kommunlistan kommer ur Kolada-arkivet, som inte anger någon licens; länsnamnen ur SCB:s PxWeb-metadata (SCB anger CC0 för sina öppna data enligt källmappens beskrivning; inte kontrollerat hos SCB).",
    period: "Indelning sedan 2007 (Knivsta 2003, Heby till Uppsala län 2007); 290 kommuner, 21 län",
    retrieval: {
      method: "Kommunlistan ur Kolada-arkivet (open-numbers/ddf--kolada--dump, ddf--entities--geo--kommun.csv); länsnamnen avskrivna ur SCB:s PxWeb-metadata för BefolkningNy (rOpenGov/pxweb testfiler).",
      archive: "github.com/open-numbers/ddf--kolada--dump @ 8501d5c7694b444dbf59d063c5156754e2a9b819; github.com/rOpenGov/pxweb @ 588c62300554b122176e447e0aa31996f0d0e83f",
      archived_on: "2025-03-21",
      url: "https://www.kolada.se/",
    },
    files: [
      { path: "kommuner.csv", title: "Kommuner med kommunkod och länskod", from: [checksum(k.source)], source_ref: "Kolada kommunlista", rows: kommuner.length },
      { path: "lan.csv", title: "Län med länskod och namn", from: [checksum(l.source)], source_ref: "SCB BefolkningNy, variabeln Region", rows: lan.length },
    ],
    notes: ["Kolada skriver regionernas organisationsnamn (\"Region Stockholm\"); länets namn tas från SCB (\"Stockholms län\")."],
  };
  const files: FileTree = new Map([
    ["kommuner.csv", formatCsv(SNAPSHOT_COLUMNS.kommun, kommuner)],
    ["lan.csv", formatCsv(SNAPSHOT_COLUMNS.lan, lan)],
    ["provenance.json", JSON.stringify(provenance, null, 2) + "\n"],
  ]);
  return { areas: { kommuner, lan }, files };
}
