/** lan: the 21 län. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { lanskod, nonEmptyText } from "../columns";
import { defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";

export const lanRowSchema = z.object({ lanskod, name: nonEmptyText });
export type LanRow = z.infer<typeof lanRowSchema>;

export function lanDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "lan",
    title: "Län",
    description: "Sveriges 21 län med länskod och namn.",
    fields: [field("lanskod"), field("name", { description: "Länets namn." })],
    primaryKey: ["lanskod"],
    schema: lanRowSchema,
    rows: snapshot.lan,
    sources: sourcesOf(snapshot.provenance.get("areas")!, ["lan.csv"]),
    processing: "Oförändrad.",
  });
}
