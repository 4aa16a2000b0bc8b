/**
 * Record in each source's provenance.json the sha256 of every snapshot file
 * written beside it, so the data step can prove on every load that a
 * committed file is exactly what the importer wrote (a file cut at a line,
 * or a last value cut short, no longer matches).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentText, type FileContent, type FileTree } from "../atomic";
import type { Provenance } from "../schema";

export function sha256Of(content: FileContent): string {
  const hash = createHash("sha256");
  if (typeof content === "string" || content instanceof Uint8Array) hash.update(content);
  else for (const chunk of content) hash.update(chunk);
  return hash.digest("hex");
}

/** The tree with provenance.json rewritten to carry each listed file's sha256. Every other file must be listed. */
export function sealProvenance(source: string, tree: FileTree): FileTree {
  const provenance = JSON.parse(contentText(tree.get("provenance.json"))) as Provenance;
  const listed = new Set(provenance.files.map((f) => f.path));
  for (const path of tree.keys())
    if (path !== "provenance.json" && !listed.has(path)) throw new Error(`importer ${source}: ${path} is written but not listed in provenance.json`);
  provenance.files = provenance.files.map((f) => {
    const content = tree.get(f.path);
    if (content === undefined) throw new Error(`importer ${source}: provenance.json lists ${f.path}, which is not written`);
    return { ...f, sha256: sha256Of(content) };
  });
  return new Map([...tree, ["provenance.json", JSON.stringify(provenance, null, 2) + "\n"]]);
}

/**
 * For generated copies of the snapshot (the benchmark's scaled data, never
 * data/): add `extra` entries to `<sourceDir>/provenance.json` and record
 * the sha256 of every listed file as it is on disk now.
 */
export function resealOnDisk(sourceDir: string, extra: Provenance["files"] = []): void {
  const path = join(sourceDir, "provenance.json");
  const provenance = JSON.parse(readFileSync(path, "utf8")) as Provenance;
  provenance.files = [...provenance.files, ...extra].map((f) => ({ ...f, sha256: sha256Of(readFileSync(join(sourceDir, f.path))) }));
  writeFileSync(path, JSON.stringify(provenance, null, 2) + "\n");
}
