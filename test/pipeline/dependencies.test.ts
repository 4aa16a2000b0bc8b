import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dependenciesFile, productionDependencies } from "../../src/security/dependencies";

describe("the production dependency list written into the build", () => {
  const lock = readFileSync("package-lock.json", "utf8");
  const list = productionDependencies(lock);
  it("lists every direct dependency at its locked version, with its licence", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(pkg.dependencies)) expect(list, name).toContainEqual({ name, version, license: expect.any(String) });
    expect(list.find((d) => d.name === "astro")?.license).toBe("MIT");
  });
  it("leaves out dev dependencies and names no package without a licence", () => {
    expect(list.map((d) => d.name)).not.toContain("vitest");
    expect(list.map((d) => d.name)).not.toContain("playwright-core");
    expect(list.filter((d) => d.license === "UNKNOWN")).toEqual([]);
  });
  it("is the same text for the same lock", () => {
    const project = { name: "x", version: "1" };
    expect(dependenciesFile(lock, project)).toBe(dependenciesFile(lock, project));
    expect(JSON.parse(dependenciesFile(lock, project)).dependencies).toHaveLength(list.length);
  });
});
