/**
 * Reading input files safely: only regular files, never through a symbolic
 * link (a link could point out of the source folder, e.g. to /etc/passwd, and
 * its content would then reach an error message), and JSON with the line of
 * a syntax error. Every failure is a DataInputError naming the file.
 */
import { lstatSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { DataInputError } from "./errors";

/**
 * The bytes of `root/name`. `file` is how messages name it. Refuses a
 * missing file (with `missing` as the hint), a directory, a symbolic link
 * (also as a folder on the way) and anything else that is not a regular file.
 */
export function readRegularFile(root: string, name: string, file: string, missing: string): Buffer {
  const parts = relative(root, join(root, name)).split(sep);
  if (parts.includes("..")) throw new DataInputError({ file }, "refusing a path outside the folder");
  let path = root;
  for (const [i, part] of parts.entries()) {
    path = join(path, part);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      throw new DataInputError({ file }, i === parts.length - 1 ? missing : `${missing} (folder ${parts.slice(0, i + 1).join("/")} is missing)`);
    }
    if (stat.isSymbolicLink()) throw new DataInputError({ file }, `${i === parts.length - 1 ? "the file" : `the folder ${parts.slice(0, i + 1).join("/")}`} is a symbolic link; only regular files inside the folder are read`);
    if (i < parts.length - 1) continue;
    if (stat.isDirectory()) throw new DataInputError({ file }, "a directory where a file was expected");
    if (!stat.isFile()) throw new DataInputError({ file }, "not a regular file (a device, socket or pipe?)");
  }
  return readFileSync(path);
}

/** JSON.parse with the file and line named on a syntax error. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const row = Number.isFinite(position) ? text.slice(0, position).split("\n").length : undefined;
    // The parser's message may quote the input; keep only its first 120 characters.
    throw new DataInputError({ file, row }, `not valid JSON: ${message.length > 120 ? message.slice(0, 117) + "..." : message}`);
  }
}
