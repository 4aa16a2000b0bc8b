/**
 * What `npm run fetch` wrote for one source (<from>/<dir>/manifest.json and
 * the files it lists), with every file's bytes checked against the sha256
 * recorded when it was fetched; and the area codes of the snapshot the live
 * importers write beside. Shared by fk-live and scb-live.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../csv";
import { DataInputError } from "../errors";
import { MANIFEST_FILE, manifestSchema, type Manifest } from "../fetch/provenance";
import type { Provenance } from "../schema";
import { readSourceJson } from "./source-files";

export interface FetchedFolder {
  dir: string;
  manifest: Manifest;
  bytes: Map<string, Buffer>;
}

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export function readFetchedFolder(from: string, dir: string): FetchedFolder {
  const manifestName = `${dir}/${MANIFEST_FILE}`;
  const { json } = readSourceJson(from, manifestName);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataInputError({ file: manifestName, column: issue.path.join(".") }, issue.message);
  }
  const bytes = new Map<string, Buffer>();
  for (const f of parsed.data.files) {
    const name = `${dir}/${f.path}`;
    const path = join(from, name);
    if (!existsSync(path)) throw new DataInputError({ file: name }, "listed in manifest.json but missing");
    const b = readFileSync(path);
    if (sha256(b) !== f.sha256) throw new DataInputError({ file: name, column: "sha256", value: sha256(b) }, `differs from manifest.json (${f.sha256}): the file changed after it was fetched`);
    bytes.set(f.path, b);
  }
  return { dir, manifest: parsed.data, bytes };
}

/** The fetched file's provenance entry (`from`) and sources.csv rows. */
export const fromEntry = (f: FetchedFolder, path: string): Provenance["files"][number]["from"][number] => ({ file: `${f.dir}/${path}`, sha256: sha256(f.bytes.get(path)!) });
export const SOURCES_COLUMNS = ["file", "url", "retrieved_at", "sha256", "bytes", "licence"] as const;
export const sourcesRows = (f: FetchedFolder) => f.manifest.files.map((x) => ({ ...x, file: `${f.dir}/${x.path}` }));

export interface AreaCodes {
  kommuner: Set<string>;
  lan: Set<string>;
}

/** The kommun and län codes of the snapshot under snapshotDir (areas/), which the live rows must use. */
export function readAreaCodes(snapshotDir: string): AreaCodes {
  const codes = (file: string) => {
    const path = join(snapshotDir, "areas", file);
    if (!existsSync(path)) throw new DataInputError({ file: `areas/${file}` }, `not found under ${snapshotDir}; import areas first`);
    return new Set(parseCsv(readFileSync(path, "utf8"), `areas/${file}`).rows.map((r) => Object.values(r.values)[0]!));
  };
  return { kommuner: codes("kommuner.csv"), lan: codes("lan.csv") };
}

/** "2023–2025" (a loop, not Math.min(...rows): tens of thousands of arguments can overflow the stack). */
export function yearSpan(rows: readonly { year: number }[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) (lo = Math.min(lo, r.year)), (hi = Math.max(hi, r.year));
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
