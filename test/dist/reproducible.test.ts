/**
 * Same inputs, same bytes out: the data step and the page build each run
 * once more into clean temporary folders, and every file must have the same
 * sha256 as the clean build that `npm test`'s pretest just wrote to
 * public/data/ and dist/. Comparing with that build rather than building
 * twice here halves the test's cost (one site build is about a minute on
 * 2 cores) and still compares two independent clean builds. Writes only to
 * temporary folders, so it can run next to the tests that read dist/.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // process.execPath is the Node 24 that runs vitest (npm package `node`).
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}\n${out.slice(-4000)}`))));
  });
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split("\\").join("/"), createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

/** Where two versions of a file first differ, with a little context from each. */
function diffContext(fileA: string, fileB: string): string {
  const x = readFileSync(fileA);
  const y = readFileSync(fileB);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString("utf8"));
  return `first different byte at ${i} (sizes ${x.length}, ${y.length}):\n  1st: ${show(x)}\n  2nd: ${show(y)}`;
}

/** "" when identical, else a description of the first difference (in path order). */
function firstDifference(a: Map<string, string>, b: Map<string, string>, dirA: string, dirB: string): string {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differing = paths.filter((p) => a.get(p) !== b.get(p));
  if (!differing.length) return "";
  const p = differing[0]!;
  if (!a.has(p)) return `${p}: only in the second build (${differing.length} files differ)`;
  if (!b.has(p)) return `${p}: only in the first build (${differing.length} files differ)`;
  return `${p}: sha256 ${a.get(p)!.slice(0, 12)} ≠ ${b.get(p)!.slice(0, 12)}; ${differing.length} files differ\n${diffContext(join(dirA, p), join(dirB, p))}`;
}

const tmp = mkdtempSync(join(tmpdir(), "finsam-repro-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("reproducible build", () => {
  it(
    "two clean builds (data step and site) give byte-identical files",
    async () => {
      // Data: one more run into a fresh folder, against public/data from the pretest build.
      await run([TSX, "scripts/data.ts", "--out", join(tmp, "data")]);
      const d1 = hashes(join(ROOT, "public/data"));
      const d2 = hashes(join(tmp, "data"));
      expect(d1.size).toBeGreaterThan(10);
      expect(firstDifference(d1, d2, join(ROOT, "public/data"), join(tmp, "data")), "data step: first differing file (if public/data/ is from older sources, run npm run build first)").toBe("");

      // Site: one more build into a fresh folder (from public/data), against dist/. It draws
      // every link-preview PNG afresh (no .astro/png-cache), so a fresh drawing is compared with dist/'s.
      await run([ASTRO, "build", "--outDir", join(tmp, "site")], { FINSAM_PNG_CACHE: "off" });
      const s1 = hashes(join(ROOT, "dist"));
      const s2 = hashes(join(tmp, "site"));
      expect(s1.has("index.html")).toBe(true);
      // The link-preview PNGs (drawn after the pages, charts/png.ts) are part of the build: one beside every preview SVG.
      // Chart PNGs are drawn in the reader's browser (/diagram/png/), so the build has none.
      const svgs = [...s2.keys()].filter((p) => /^delning\/.+\.svg$/.test(p));
      expect(svgs.length).toBeGreaterThan(300);
      expect(svgs.filter((p) => !s2.has(p.replace(/\.svg$/, ".png"))), "preview SVGs without their PNG").toEqual([]);
      expect([...s2.keys()].filter((p) => /^diagram\/.+\.png$/.test(p)), "chart PNGs in the build").toEqual([]);
      expect(firstDifference(s1, s2, join(ROOT, "dist"), join(tmp, "site")), "site build: first differing file (if the sources were edited since the last npm run build, build again)").toBe("");
    },
    15 * 60_000,
  );
});
