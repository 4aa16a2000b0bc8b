/** finsam-omraden-1993-1997: the five FINSAM trial areas, one row per kommun. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { kommunkod, nonEmptyText, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, SEED_NOTE, seedList, sourceLines } from "./history-common";
import { FK_KOMMUN } from "../foreign-keys";

export const finsamOmradenRowSchema = z.object({ lan_printed: nonEmptyText, kommun_printed: nonEmptyText, kommunkod, note: text, seed: seedList, source_lines: sourceLines });
export type FinsamOmradenRow = z.infer<typeof finsamOmradenRowSchema>;

export function finsamOmradenDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "finsam-omraden-1993-1997",
    title: "FINSAM 1993–1997: försöksområdena och deras kommuner",
    description: "De fem områden där FINSAM (lag 1992:863) prövades, med länet som källan skriver det och kommunerna med dagens kommunkod.",
    fields: [field("lan_printed"), field("kommun_printed"), field("kommunkod"), field("note"), field("seed"), field("source_lines")],
    primaryKey: ["kommunkod"],
    foreignKeys: [FK_KOMMUN],
    schema: finsamOmradenRowSchema,
    rows: snapshot.history["finsam-omraden"].map(({ source_line, ...r }) => ({ ...r, source_lines: source_line })),
    sources: historySources(snapshot, "finsam-omraden"),
    processing: `En rad per kommun (källan listar kommunerna per län). Gotlands län = Gotlands kommun. ${SEED_NOTE}`,
  });
}
