/**
 * What fetch writes next to the publisher's bytes: a manifest per source with,
 * for every file, the URL, the request body (SCB posts a selection), the time
 * it was retrieved, its sha256 and the licence. The bytes are stored exactly
 * as received, so the checksum can be re-checked by the importer.
 */
import { z } from "zod";
import type { FileTree } from "../atomic";
import type { HttpResponse } from "./http";

export const MANIFEST_FILE = "manifest.json";

export const fetchedFileSchema = z.object({
  path: z.string().min(1),
  url: z.string().min(1),
  method: z.enum(["GET", "POST"]),
  request_body: z.string().nullable(),
  retrieved_at: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  licence: z.string().min(1),
});
export type FetchedFile = z.output<typeof fetchedFileSchema>;

export const manifestSchema = z.object({
  source: z.string().min(1),
  publisher: z.string().min(1),
  licence: z.string().min(1),
  base_url: z.string().min(1),
  since: z.string().nullable(),
  fetched_at: z.string().min(1),
  files: z.array(fetchedFileSchema).min(1),
  notes: z.array(z.string()),
});
export type Manifest = z.output<typeof manifestSchema>;

/** Collects one source's responses in memory; nothing touches the disk until every source has succeeded. */
export class FetchedSource {
  readonly files: FetchedFile[] = [];
  readonly tree: FileTree = new Map();
  readonly notes: string[] = [];
  constructor(
    readonly source: string,
    readonly publisher: string,
    readonly licence: string,
    readonly baseUrl: string,
    readonly since: string | null,
  ) {}

  add(path: string, res: HttpResponse): void {
    if (this.tree.has(path)) throw new Error(`fetch wrote ${path} twice (${res.url})`);
    this.tree.set(path, res.bytes);
    this.files.push({ path, url: res.url, method: res.method, request_body: res.requestBody, retrieved_at: res.retrievedAt, sha256: res.sha256, bytes: res.bytes.length, licence: this.licence });
  }

  /** The finished tree: the responses plus manifest.json. */
  finish(): FileTree {
    const manifest: Manifest = {
      source: this.source,
      publisher: this.publisher,
      licence: this.licence,
      base_url: this.baseUrl,
      since: this.since,
      fetched_at: this.files.map((f) => f.retrieved_at).sort()[0] ?? "",
      files: this.files,
      notes: this.notes,
    };
    const tree: FileTree = new Map(this.tree);
    tree.set(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + "\n");
    return tree;
  }
}
