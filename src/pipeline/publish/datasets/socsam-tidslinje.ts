/** socsam-tidslinje: dated events 1992–2006 of the FINSAM and SOCSAM trials, each at the precision its source states. */
import { z } from "zod";
import { datePrecisionEnum } from "../../history-schema";
import type { Snapshot } from "../../load";
import { nonEmptyText, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const socsamTidslinjeRowSchema = z.object({
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: datePrecisionEnum,
  precision_printed: text,
  scheme: nonEmptyText,
  area: nonEmptyText,
  event: nonEmptyText,
  seed: seedList,
  source_lines: sourceLines,
});
export type SocsamTidslinjeRow = z.infer<typeof socsamTidslinjeRowSchema>;

export function socsamTidslinjeDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-tidslinje",
    title: "FINSAM och SOCSAM: händelser 1992–2006",
    description: "Lagar, försökens start och slut, Gotlands utträde, förlängningarna och förslagen fram till lagen 2004 – med datum så exakt som källan anger dem.",
    fields: [
      field("date", { description: "Datum i den precision källan anger: YYYY, YYYY-MM eller YYYY-MM-DD (se precision). 1997 betyder året 1997, inte 1 januari." }),
      field("precision"),
      field("precision_printed"),
      field("scheme"),
      field("area"),
      field("event"),
      field("seed"),
      field("source_lines"),
    ],
    primaryKey: ["date", "area", "event"],
    schema: socsamTidslinjeRowSchema,
    rows: snapshot.history.tidslinje.map(({ source_line, ...r }) => ({ ...r, source_lines: source_line })),
    sources: historySources(snapshot, "tidslinje"),
    processing: `Sammanställd ur löptexten i fyra dokument; datum skärps aldrig (ett år förblir ett år). ${SEED_NOTE}`,
  });
}
