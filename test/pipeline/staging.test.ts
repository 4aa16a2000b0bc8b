/**
 * Staging that cannot leak: the data step stages outside the output's parent
 * (never under public/, which Astro copies into dist/), and a run killed at
 * any moment leaves the previous output complete; the next run restores or
 * rebuilds it and removes stale staging.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverDirectory, replaceDirectory, stagingRootOf } from "../../src/pipeline/atomic";
import { publicDataProblems } from "../../src/pipeline/publish/check-public";

const tmp = mkdtempSync(join(tmpdir(), "finsam-staging-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Relative path → sha256 of every file under dir. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[prefix + e.name] = createHash("sha256").update(readFileSync(join(d, e.name))).digest("hex");
    }
  };
  walk(dir, "");
  return out;
}

describe("staging folder and recovery", () => {
  it("stages beside the parent folder, never inside it", () => {
    expect(stagingRootOf("public/data")).toBe(join(process.cwd(), ".staging-public"));
    expect(stagingRootOf("/a/b/c")).toBe("/a/.staging-b");
  });

  it("restores the previous output when a run stopped between its two renames", () => {
    const out = join(tmp, "unit", "public", "data");
    replaceDirectory(out, new Map([["a.csv", "x\n1\n"]]));
    const root = stagingRootOf(out);
    // The state a SIGKILL between rename(out → old) and rename(new → out) leaves.
    mkdirSync(join(root, "data.new"), { recursive: true });
    writeFileSync(join(root, "data.new", "half.csv"), "x\n");
    renameSync(out, join(root, "data.old"));
    expect(existsSync(out)).toBe(false);
    const log = recoverDirectory(out);
    expect(log.join("\n")).toMatch(/restored/);
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("x\n1\n");
    expect(existsSync(root)).toBe(false);
  });

  it("removes the <dir>.tmp-<pid> folders earlier versions staged inside public/", () => {
    const out = join(tmp, "legacy", "public", "data");
    replaceDirectory(out, new Map([["a.csv", "x\n1\n"]]));
    mkdirSync(join(tmp, "legacy", "public", "data.tmp-12345"));
    writeFileSync(join(tmp, "legacy", "public", "data.tmp-12345", "half.csv"), "x\n");
    recoverDirectory(out);
    expect(readdirSync(join(tmp, "legacy", "public"))).toEqual(["data"]);
  });
});

/**
 * SIGKILL the real data step (scripts/data.ts, output to a temporary
 * public/data) at several moments, then run it once more: public/data is
 * complete and byte-identical to a clean run, and no staging folder is left
 * under public/ (or anywhere once the run finishes).
 */
describe("killing the data step", () => {
  const publicDir = join(tmp, "site", "public");
  const out = join(publicDir, "data");
  const staging = stagingRootOf(out);
  const tsx = join(process.cwd(), "node_modules/.bin/tsx");
  const run = () => spawnSync(tsx, ["scripts/data.ts", "--out", out], { encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });

  /** Start the data step and SIGKILL its whole process group when `when` first holds (polled every 20 ms). */
  const killWhen = (when: () => boolean, label: string) =>
    new Promise<string>((done, fail) => {
      const child = spawn(tsx, ["scripts/data.ts", "--out", out], { detached: true, stdio: "ignore" });
      const timer = setInterval(() => {
        if (!when()) return;
        clearInterval(timer);
        process.kill(-child.pid!, "SIGKILL");
      }, 20);
      child.on("exit", (code, signal) => {
        clearInterval(timer);
        if (signal === "SIGKILL") done(label);
        else fail(new Error(`${label}: the run ended (${code}) before it was killed`));
      });
    });
  const stagedFiles = () => (existsSync(join(staging, "data.new")) ? readdirSync(join(staging, "data.new")).length : -1);

  it("leaves public/data complete after kills while building, while staging and mid-write", async () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const clean = digest(out);
    expect(Object.keys(clean)).toContain("datapackage.json");

    const started = Date.now();
    const moments: Array<[string, () => boolean]> = [
      ["while loading the snapshot (0.5 s)", () => Date.now() - started > 500],
      ["as soon as staging starts", () => stagedFiles() >= 0],
      ["with part of the files staged", () => stagedFiles() >= 10],
    ];
    for (const [label, when] of moments) {
      await killWhen(when, label);
      // Killed before the swap: the previous output is still complete and in place, nothing under public/ but data.
      expect(readdirSync(publicDir), label).toEqual(["data"]);
      expect(digest(out), label).toEqual(clean);
    }
    // Killed exactly between the two renames: no output in place.
    renameSync(out, join(staging, "data.old"));
    const last = run();
    expect(last.status, last.stderr).toBe(0);
    expect(last.stdout).toMatch(/restored/);
    expect(readdirSync(publicDir)).toEqual(["data"]);
    expect(digest(out)).toEqual(clean);
    expect(existsSync(staging)).toBe(false);
  }, 300_000);
});

describe("the page build's check of public/", () => {
  it("accepts the complete output and names a missing file or leftover staging", () => {
    const pub = join(tmp, "check", "public");
    const files = new Map([
      ["datapackage.json", JSON.stringify({ resources: [{ path: "a.csv", alternates: [{ path: "a.json" }] }] })],
      ["a.csv", "x\n"],
      ["a.json", "[]\n"],
      ["codebook.md", "#\n"],
    ]);
    replaceDirectory(join(pub, "data"), files);
    expect(publicDataProblems(pub)).toEqual([]);
    rmSync(join(pub, "data", "a.json"));
    mkdirSync(join(pub, "data.tmp-4242"));
    const problems = publicDataProblems(pub).join("\n");
    expect(problems).toMatch(/data\.tmp-4242: staging left by an interrupted data step/);
    expect(problems).toMatch(/a\.json is missing \(listed in datapackage\.json\)/);
    rmSync(join(pub, "data"), { recursive: true });
    expect(publicDataProblems(pub).join("\n")).toMatch(/datapackage\.json is missing: run npm run data/);
  });
});
