/**
 * Before Astro copies public/ into dist/: public/data must be complete (every
 * file datapackage.json lists, and its JSON alternate, is there) and nothing
 * else may sit beside it that looks like staging from an interrupted data
 * step. A page build over half a data folder would publish half.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function publicDataProblems(publicDir: string): string[] {
  const problems: string[] = [];
  const stale = existsSync(publicDir) ? readdirSync(publicDir).filter((f) => /\.(tmp|old)-\d+$/.test(f) || f.startsWith(".staging")) : [];
  for (const f of stale) problems.push(`${join(publicDir, f)}: staging left by an interrupted data step; run npm run data (it removes it)`);
  const dir = join(publicDir, "data");
  const descriptor = join(dir, "datapackage.json");
  if (!existsSync(descriptor)) return [...problems, `${descriptor} is missing: run npm run data`];
  let resources: Array<{ path: string; alternates?: Array<{ path: string }> }>;
  try {
    resources = (JSON.parse(readFileSync(descriptor, "utf8")) as { resources: typeof resources }).resources;
  } catch (error) {
    return [...problems, `${descriptor}: not valid JSON (${(error as Error).message.slice(0, 80)}); run npm run data`];
  }
  for (const r of resources)
    for (const path of [r.path, ...(r.alternates ?? []).map((a) => a.path)])
      if (!existsSync(join(dir, path))) problems.push(`${join(dir, path)} is missing (listed in datapackage.json): run npm run data`);
  if (!existsSync(join(dir, "codebook.md"))) problems.push(`${join(dir, "codebook.md")} is missing: run npm run data`);
  return problems;
}
