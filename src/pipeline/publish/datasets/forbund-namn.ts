/** forbund-namn: the förbund's official names with their periods. */
import { z } from "zod";
import type { FoerbundName, Registry } from "../../registry";
import { nonEmptyText, slug } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND } from "../foreign-keys";

export const forbundNamnRowSchema = z.object({ foerbund_id: slug, name: nonEmptyText, from: nonEmptyText, to: nonEmptyText, source_ids: nonEmptyText });
export type ForbundNamnRow = z.infer<typeof forbundNamnRowSchema>;

export function foerbundNameRow(n: FoerbundName): ForbundNamnRow {
  return { foerbund_id: n.foerbund_id, name: n.name, from: n.from.raw, to: n.to.raw, source_ids: n.source_ids.join(";") };
}

export function forbundNamnDataset(registry: Registry): Dataset {
  return defineDataset({
    name: "forbund-namn",
    title: "Förbundens namn över tid",
    description: "Officiella namn med de perioder de användes.",
    fields: [field("foerbund_id"), field("name", { description: "Förbundets namn under perioden." }), field("from"), field("to"), field("source_ids")],
    primaryKey: ["foerbund_id", "name", "from"],
    foreignKeys: [FK_FOERBUND],
    schema: forbundNamnRowSchema,
    rows: registry.names.map(foerbundNameRow),
    sources: [REGISTRY_SOURCE],
    processing: "Oförändrat ur registret.",
  });
}
