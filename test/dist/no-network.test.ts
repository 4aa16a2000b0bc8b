/**
 * The page build makes no network request: `astro build`, run exactly as the
 * package.json build script runs it (with ASTRO_TELEMETRY_DISABLED=1), under
 * a preload that refuses and records every connection to another host. The
 * CI variables are removed, because Astro also keeps quiet in CI, and this
 * must hold on a developer's machine. Reads public/data (built by pretest).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const PRELOAD = join(ROOT, "test/dist/fixtures/no-network.mjs");
const work = mkdtempSync(join(tmpdir(), "finsam-no-network-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without CI markers and without a telemetry switch of its own. */
function plainEnv(log: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NETWORK_LOG: log, NODE_OPTIONS: `--import ${PRELOAD}` };
  for (const key of ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "RUN_ID", "GITHUB_ACTIONS", "ASTRO_TELEMETRY_DISABLED", "TELEMETRY_DISABLED"]) delete env[key];
  return env;
}

describe("the build makes no network request", () => {
  it("the preload catches a request (the check can fail)", () => {
    const log = join(work, "control.log");
    writeFileSync(log, "");
    const run = spawnSync(process.execPath, ["-e", "fetch('https://telemetry.astro.build/api/v1/record').catch(() => {})"], { env: plainEnv(log), encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(readFileSync(log, "utf8")).toContain("fetch https://telemetry.astro.build/api/v1/record");
  });

  it("astro build, as the build script runs it, contacts no host", () => {
    const script = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.build!;
    const astroPart = script.split("&&").map((s) => s.trim()).find((s) => s.includes("astro build"))!;
    expect(astroPart).toMatch(/^ASTRO_TELEMETRY_DISABLED=1 astro build$/);
    expect(existsSync("public/data/datapackage.json")).toBe(true);
    const log = join(work, "build.log");
    writeFileSync(log, "");
    const run = spawnSync("sh", ["-c", `${astroPart} --outDir ${join(work, "dist")}`], {
      cwd: ROOT,
      env: { ...plainEnv(log), PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}` },
      encoding: "utf8",
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(readFileSync(log, "utf8")).toBe("");
  }, 300_000);
});
