/**
 * Försäkringskassan's open statistics: ohälsotal and sjukpenningtal per
 * kommun, monthly, rolling 12 months. The documented files are xlsx; this
 * project has no maintained xlsx parser among its dependencies, so it uses
 * the JSON variant of the same tables, whose shape is known only from one
 * third-party script (an array of {dimensions: {ar, manad|man, lan_kod,
 * kommun_kod, kon_kod, ...}, observations: {<measure>: {value}}}). Check on
 * the first real run; the xlsx path is not implemented.
 */
import { z } from "zod";
import type { FetchConfig } from "./config";
import { PUBLISHERS } from "./config";
import { FetchError, httpRequest, parseJsonBody } from "./http";
import { FetchedSource } from "./provenance";

export const FK_DIR = "fk";
export const FK_TABLES = [
  { dataset: "ohm-ohalsotal", table: "SJPohttal", measure: "oht" },
  { dataset: "ohm-sjptal", table: "SJPsjptal", measure: "spt" },
] as const;
export const FK_SEXES = ["ALL", "K", "M"] as const;

const rowSchema = z.object({
  dimensions: z
    .object({ ar: z.union([z.string(), z.number()]), lan_kod: z.string(), kommun_kod: z.string(), kon_kod: z.string() })
    .passthrough()
    .refine((d) => "manad" in d || "man" in d, { message: "neither manad nor man (the month) is present", path: ["manad"] }),
  observations: z.record(z.string(), z.object({ value: z.union([z.number(), z.string()]).nullable() }).passthrough()),
});

export function checkFkRows(body: unknown, measure: string, url: string, status: number): number {
  if (!Array.isArray(body)) throw new FetchError(url, status, "expected a JSON array of rows — has the publisher changed the response schema?");
  body.forEach((row, i) => {
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FetchError(url, status, `field missing or wrong at [${i}].${issue.path.join(".")}: ${issue.message} — has the publisher changed the response schema?`);
    }
    if (!(measure in parsed.data.observations)) throw new FetchError(url, status, `field missing at [${i}].observations.${measure}`);
  });
  return body.length;
}

export async function fetchFk(cfg: FetchConfig, options: { since?: string | null } = {}): Promise<FetchedSource> {
  const out = new FetchedSource(FK_DIR, PUBLISHERS.fk.publisher, PUBLISHERS.fk.licence, cfg.fkBase, options.since ?? null);
  for (const t of FK_TABLES) {
    const metaUrl = `${cfg.fkBase}/${t.dataset}/meta/json`;
    const meta = await httpRequest({ url: metaUrl }, cfg.http);
    parseJsonBody(meta);
    out.add(`${t.dataset}/meta.json`, meta);
    for (const sex of FK_SEXES) {
      const url = `${cfg.fkBase}/${t.dataset}/${t.table}.json?kon_kod=${sex}&aldersklass_kod=ALL`;
      const res = await httpRequest({ url }, cfg.http);
      const rows = checkFkRows(parseJsonBody(res), t.measure, res.url, res.status);
      if (rows === 0) throw new FetchError(url, res.status, "no rows");
      out.add(`${t.dataset}/${t.table}-${sex}.json`, res);
    }
  }
  out.notes.push("JSON-varianten av Försäkringskassans tabeller (xlsx-filerna tolkas inte); formen är känd från ett tredjepartsskript och ska kontrolleras.");
  return out;
}
