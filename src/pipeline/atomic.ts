import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * A file's content: text, bytes, or text in chunks written one after the
 * other (a large dataset can exceed the longest string V8 can hold). The
 * chunks may be an iterable that makes them as the file is written, so a
 * large dataset's text is never in memory all at once; such an iterable must
 * give the same chunks each time it is iterated.
 */
export type FileContent = string | Uint8Array | Iterable<string>;

/** Relative path → file content. Built fully in memory before anything is written. */
export type FileTree = Map<string, FileContent>;

/** The whole content as one string (for tests and small files). */
export function contentText(content: FileContent | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  return [...content].join("");
}

/**
 * Replace each directory by exactly the files of its tree, all or nothing.
 *
 * Every tree is first written to a staging folder OUTSIDE the output's parent
 * (see stagingRootOf: public/data is staged in .staging-public/, never under
 * public/, which Astro copies whole into dist/). Only when all trees are
 * written are the old folders swapped out, by two renames per folder:
 *   <dir> → <staging>/<name>.old,  <staging>/<name>.new → <dir>,  then the old is removed.
 * A run killed at any moment leaves either the previous or the new output
 * complete in place, or (killed between the two renames) no output and the
 * previous one in <staging>/<name>.old: the next run starts by restoring it
 * (recoverDirectory), so no half-written folder is ever in place.
 */
export function replaceDirectories(trees: ReadonlyArray<readonly [string, FileTree]>): void {
  for (const [dir] of trees) recoverDirectory(dir);
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

/**
 * Where `dir` is staged: a folder beside its parent, named after the parent
 * (public/data → .staging-public/, data/snapshot/kolada → data/.staging-snapshot/).
 * Beside the parent so that a rename stays on one file system, and outside
 * it so that nothing that publishes the parent folder can pick it up.
 */
export function stagingRootOf(dir: string): string {
  const parent = dirname(resolve(dir));
  return join(dirname(parent), `.staging-${basename(parent)}`);
}

/**
 * Undo what a killed run left: restore the previous output if the run died
 * between the two renames, and remove stale staging (also the sibling
 * `<dir>.tmp-<pid>` / `<dir>.old-<pid>` folders of earlier versions).
 * Returns what it did, for the log.
 */
export function recoverDirectory(dir: string): string[] {
  const done: string[] = [];
  const root = stagingRootOf(dir);
  const name = basename(dir);
  const previous = join(root, `${name}.old`);
  const legacy = existsSync(dirname(resolve(dir)))
    ? readdirSync(dirname(resolve(dir))).filter((f) => f.startsWith(`${name}.tmp-`) || f.startsWith(`${name}.old-`)).sort()
    : [];
  if (!existsSync(dir) && existsSync(previous)) {
    renameSync(previous, dir);
    done.push(`restored ${dir} from ${previous} (a run was stopped between its two renames)`);
  }
  for (const f of legacy) {
    const path = join(dirname(resolve(dir)), f);
    if (!existsSync(dir) && f.startsWith(`${name}.old-`)) {
      renameSync(path, dir);
      done.push(`restored ${dir} from ${path}`);
    } else {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed stale ${path}`);
    }
  }
  for (const stale of [previous, join(root, `${name}.new`)]) {
    if (existsSync(stale)) {
      rmSync(stale, { recursive: true, force: true });
      done.push(`removed stale ${stale}`);
    }
  }
  if (existsSync(root) && readdirSync(root).length === 0) rmSync(root, { recursive: true, force: true });
  return done;
}

function stage(dir: string, tree: FileTree): string {
  const staging = join(stagingRootOf(dir), `${basename(dir)}.new`);
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
  const root = stagingRootOf(dir);
  const old = join(root, `${basename(dir)}.old`);
  const hadPrevious = existsSync(dir);
  mkdirSync(dirname(resolve(dir)), { recursive: true });
  if (hadPrevious) renameSync(dir, old);
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (hadPrevious) renameSync(old, dir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  if (readdirSync(root).length === 0) rmSync(root, { recursive: true, force: true });
}
