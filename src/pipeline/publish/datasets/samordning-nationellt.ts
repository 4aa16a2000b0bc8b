/** samordning-nationellt-fridolf: figures about FRISAM, FINSAM, SOCSAM, RESAM and FAROS quoted by Fridolf (2003). */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { nonEmptyText, optionalNumber, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, num, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const samordningNationelltRowSchema = z.object({
  scheme: nonEmptyText,
  indicator: nonEmptyText,
  period_printed: nonEmptyText,
  value: optionalNumber,
  value_high: optionalNumber,
  unit: text,
  qualifier: text,
  quote: nonEmptyText,
  cited_source: text,
  seed: seedList,
  source_lines: sourceLines,
});
export type SamordningNationelltRow = z.infer<typeof samordningNationelltRowSchema>;

export function samordningNationelltDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "samordning-nationellt-fridolf",
    title: "Samordning före 2004: siffror i Fridolfs text (CEFOS 2003)",
    description: "Hur många som behövde samverkan (FRISAM), antal försöksområden, FAROS budget och andra tal som Fridolf anger, med meningen de står i.",
    fields: [
      field("scheme"), field("indicator"), field("period_printed"),
      field("value", { description: "Talet som meningen anger; vid intervall den lägre änden." }), field("value_high"),
      field("unit", { description: "Enhet med källans ord (procent, personer, MSEK per år, områden …); en sluten lista kontrolleras vid importen." }),
      field("qualifier", { description: "Källans reservation (ca, högst, över, förslag); range = intervall vars tankstreck föll bort i avskriften.", enum: undefined }),
      field("quote"), field("cited_source"), field("seed"), field("source_lines"),
    ],
    primaryKey: ["scheme", "indicator", "period_printed"],
    schema: samordningNationelltRowSchema,
    rows: snapshot.history["samordning-nationellt"].map(({ source_line, ...r }) => ({ ...r, value: num(r.value), value_high: num(r.value_high), source_lines: source_line })),
    sources: historySources(snapshot, "samordning-nationellt"),
    processing: `Varje tal är kontrollerat mot meningen det står i. ${SEED_NOTE}`,
  });
}
