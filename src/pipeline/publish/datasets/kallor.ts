/** kallor: the sources of the registry. */
import { z } from "zod";
import type { Registry, Source } from "../../registry";
import { count, nonEmptyText, slug, text } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";

export const kallorRowSchema = z.object({ id: slug, citation: nonEmptyText, url: text, seed_file: text, seed_line: count.nullable(), quote: nonEmptyText });
export type KallorRow = z.infer<typeof kallorRowSchema>;

export function sourceRow(s: Source): KallorRow {
  return { id: s.id, citation: s.citation, url: s.url, seed_file: s.seed_file, seed_line: s.seed_line, quote: s.quote };
}

export function kallorDataset(registry: Registry): Dataset {
  return defineDataset({
    name: "kallor",
    title: "Källor till förbundsregistret",
    description: "Varje källa som registret bygger på, med webbadress eller dokument och rad, och källans egna ord.",
    fields: [field("id"), field("citation"), field("url"), field("seed_file"), field("seed_line"), field("quote")],
    primaryKey: ["id"],
    schema: kallorRowSchema,
    rows: registry.sources.map(sourceRow),
    sources: [REGISTRY_SOURCE],
    processing: "Oförändrat ur registret.",
  });
}
