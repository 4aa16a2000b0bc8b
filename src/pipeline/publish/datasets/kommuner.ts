/** kommuner: the 290 kommuner with their län. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { kommunkod, lanskod, nonEmptyText } from "../columns";
import { defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_LAN } from "../foreign-keys";

export const kommunerRowSchema = z.object({ kommunkod, name: nonEmptyText, lanskod, lan_name: nonEmptyText });
export type KommunerRow = z.infer<typeof kommunerRowSchema>;

export function kommunerDataset(snapshot: Snapshot): Dataset {
  const lanName = new Map(snapshot.lan.map((l) => [l.lanskod, l.name]));
  return defineDataset({
    name: "kommuner",
    title: "Kommuner",
    description: "Sveriges 290 kommuner med kommunkod, namn och län.",
    fields: [field("kommunkod"), field("name", { description: "Kommunens namn." }), field("lanskod"), field("lan_name")],
    primaryKey: ["kommunkod"],
    foreignKeys: [FK_LAN],
    schema: kommunerRowSchema,
    rows: snapshot.kommuner.map((k) => ({ ...k, lan_name: lanName.get(k.lanskod)! })),
    sources: sourcesOf(snapshot.provenance.get("areas")!, ["kommuner.csv"]),
    processing: "Oförändrad kommunlista; länets namn tillagt från SCB.",
  });
}
