/**
 * The production dependency tree as locked in package-lock.json: each
 * package's name, version and licence, written into the build
 * (dist/dependencies.json) so a reader can audit what the site was built
 * with. Read from the lock, not from node_modules, so the list is the same
 * on every machine (platform binaries are listed, marked optional).
 */
export interface Dependency {
  name: string;
  version: string;
  license: string;
  /** Installed only on the platform it is built for (e.g. a compiler binary for darwin-arm64). */
  optional?: true;
}

interface LockPackage {
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}

export function productionDependencies(lockText: string): Dependency[] {
  const lock = JSON.parse(lockText) as { lockfileVersion?: number; packages?: Record<string, LockPackage> };
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) throw new Error("package-lock.json: expected lockfileVersion 2 or 3 with a packages map");
  const seen = new Map<string, Dependency>();
  for (const [path, p] of Object.entries(lock.packages)) {
    if (path === "" || p.dev || p.devOptional) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const dependency: Dependency = { name, version: p.version ?? "", license: p.license ?? "UNKNOWN", ...(p.optional ? { optional: true as const } : {}) };
    seen.set(`${name}@${dependency.version}`, dependency);
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

/** dist/dependencies.json: the list and how many packages carry each licence. */
export function dependenciesFile(lockText: string, project: { name: string; version: string }): string {
  const dependencies = productionDependencies(lockText);
  const licenses: Record<string, number> = {};
  for (const d of dependencies) licenses[d.license] = (licenses[d.license] ?? 0) + 1;
  return JSON.stringify({ project: project.name, version: project.version, source: "package-lock.json (production tree, dev dependencies excluded)", licenses: Object.fromEntries(Object.entries(licenses).sort()), dependencies }, null, 2) + "\n";
}
