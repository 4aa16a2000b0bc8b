import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A file's content: text, bytes, or text in chunks written one after the
 * other (a large dataset can exceed the longest string V8 can hold).
 */
export type FileContent = string | Uint8Array | readonly string[];

/** Relative path → file content. Built fully in memory before anything is written. */
export type FileTree = Map<string, FileContent>;

/** The whole content as one string (for tests and small files). */
export function contentText(content: FileContent | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  return content.join("");
}

/**
 * Replace each directory by exactly the files of its tree, all or nothing.
 * Every tree is first written to a sibling staging folder; only when all are
 * written are the old folders swapped out (renames), so a failure at any point
 * before that leaves the previous outputs exactly as they were.
 */
export function replaceDirectories(trees: ReadonlyArray<readonly [string, FileTree]>): void {
  const staged: string[] = [];
  try {
    for (const [dir, tree] of trees) staged.push(stage(dir, tree));
  } catch (error) {
    for (const s of staged) rmSync(s, { recursive: true, force: true });
    throw error;
  }
  trees.forEach(([dir], i) => swapIn(dir, staged[i]!));
}

export function replaceDirectory(dir: string, tree: FileTree): void {
  replaceDirectories([[dir, tree]]);
}

function stage(dir: string, tree: FileTree): string {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    for (const [path, content] of [...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (path.startsWith("/") || path.split("/").includes("..")) throw new Error(`refusing to write outside ${dir}: ${path}`);
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      if (typeof content === "string" || content instanceof Uint8Array) writeFileSync(target, content);
      else {
        const fd = openSync(target, "w");
        try {
          for (const chunk of content) writeSync(fd, chunk);
        } finally {
          closeSync(fd);
        }
      }
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return staging;
}

function swapIn(dir: string, staging: string): void {
  const old = `${dir}.old-${process.pid}`;
  const hadPrevious = existsSync(dir);
  if (hadPrevious) renameSync(dir, old);
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (hadPrevious) renameSync(old, dir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
