/**
 * Read the members of a zip archive (an xlsx file is one) with node:zlib only:
 * the end-of-central-directory record, the central directory, and each
 * member's local header, stored (method 0) or deflated (method 8), with its
 * CRC-32 checked. Anything else (zip64, encryption, other methods) fails with
 * the file and member named rather than being guessed at.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { DataInputError } from "../../errors";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A member; `read()` inflates it only when asked, so a large workbook's sheets are not all in memory at once. */
export interface ZipEntry {
  read(): Buffer;
}

/** Member name → its entry. Every header is checked here; a member's data and CRC-32 when it is read. */
export function readZip(bytes: Buffer, file: string): Map<string, ZipEntry> {
  const fail = (problem: string, member?: string): never => {
    throw new DataInputError({ file, ...(member ? { column: member } : {}) }, problem);
  };
  // The EOCD record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("not a zip archive (no end-of-central-directory record): an xlsx file is a zip; truncated download?");
  const count = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) fail("zip64 archives are not supported by this reader");
  if (dirOffset + dirSize > eocd) fail(`the central directory (offset ${dirOffset}, ${dirSize} bytes) runs past its end record: truncated file?`);
  const members = new Map<string, ZipEntry>();
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) fail(`central directory entry ${n + 1} of ${count} is not where the directory says: damaged file?`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) fail("encrypted member", name);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) fail(`no local header at offset ${localOffset}`, name);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressed > bytes.length) fail(`member data (${compressed} bytes at ${dataStart}) runs past the end of the file: truncated?`, name);
    if (name.endsWith("/")) continue; // a folder entry
    if (method !== 0 && method !== 8) fail(`compression method ${method} is not supported (only stored 0 and deflate 8)`, name);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    members.set(name, { read: () => inflate(raw, method, size, crc, (problem) => fail(problem, name)) });
  }
  return members;
}

function inflate(raw: Buffer, method: number, size: number, crc: number, fail: (problem: string) => never): Buffer {
  let data: Buffer;
  if (method === 0) data = Buffer.from(raw);
  else {
    try {
      data = inflateRawSync(raw);
    } catch (error) {
      return fail(`cannot inflate: ${(error as Error).message}`);
    }
  }
  if (data.length !== size) fail(`inflated to ${data.length} bytes, the directory says ${size}`);
  if (crc32(data) >>> 0 !== crc) fail("CRC-32 does not match the directory: damaged file?");
  return data;
}
