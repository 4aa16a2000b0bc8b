/** socsam-gotland-intervjuer: who the Gotland evaluation (2001) interviewed. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { count, nonEmptyText, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const socsamGotlandIntervjuerRowSchema = z.object({ category: nonEmptyText, description: nonEmptyText, value: count, qualifier: text, seed: seedList, source_lines: sourceLines });
export type SocsamGotlandIntervjuerRow = z.infer<typeof socsamGotlandIntervjuerRowSchema>;

export function socsamGotlandIntervjuerDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-gotland-intervjuer",
    title: "Gotland: urvalet i utvärderingen av SOCSAM (2001)",
    description: "Hur många som hade ansvar för eller kontakt med SOCSAM på Gotland, hur många som valdes ut, hur många som intervjuades och i vilka funktioner.",
    fields: [field("category"), field("description"), field("value", { type: "integer", description: "Antal personer." }), field("qualifier", { description: "ca = ungefärligt; as stated = exakt angivet.", enum: undefined }), field("seed"), field("source_lines")],
    primaryKey: ["category", "description"],
    schema: socsamGotlandIntervjuerRowSchema,
    rows: snapshot.history["gotland-intervjuer"].map(({ source_line, ...r }) => ({ ...r, value: Number(r.value), source_lines: source_line })),
    sources: historySources(snapshot, "gotland-intervjuer"),
    processing: `Intervjuade efter funktion summerar till antalet intervjuade (kontrolleras vid importen). ${SEED_NOTE}`,
  });
}
