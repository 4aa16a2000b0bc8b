/** socsam-resultat-text: financial results stated in prose (1997, 1998, Gotland 1998–1999), marked approximate where the text hedges. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { nonEmptyText, optionalNumber, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, num, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const socsamResultatTextRowSchema = z.object({
  area: nonEmptyText,
  period_printed: nonEmptyText,
  period_start: nonEmptyText,
  period_end: nonEmptyText,
  value: optionalNumber,
  unit: nonEmptyText,
  result_type: nonEmptyText,
  qualifier: text,
  quote: nonEmptyText,
  seed: seedList,
  source_lines: sourceLines,
});
export type SocsamResultatTextRow = z.infer<typeof socsamResultatTextRowSchema>;

export function socsamResultatTextDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-resultat-text",
    title: "SOCSAM: finansiella resultat i löptext",
    description: "Resultat som rapporterna bara anger i text: 1997 (och andra halvåret 1997), 1998 i ord och Gotlands underskott 1998–1999. Den enda källan för 1997.",
    fields: [
      field("area"),
      field("period_printed"),
      field("period_start"),
      field("period_end"),
      field("value", { description: "Talet som meningen anger (negativt = underskott); tomt där texten inte anger något tal." }),
      field("unit", { description: "procent av ramen (den finansiella ramen) eller MSEK." }),
      field("result_type"),
      field("qualifier", { description: "Källans reservation: cirka, drygt, knappt, i det närmaste; as stated = utan reservation.", enum: undefined }),
      field("quote"),
      field("seed"),
      field("source_lines"),
    ],
    primaryKey: ["area", "period_printed", "unit", "source_lines"],
    schema: socsamResultatTextRowSchema,
    rows: snapshot.history["socsam-resultat-text"].map(({ source_line, value_high: _h, ...r }) => ({ ...r, value: num(r.value), source_lines: source_line })),
    sources: historySources(snapshot, "socsam-resultat-text"),
    processing: `Tal i ord är skrivna som siffror (en halv = 0,5) och kontrollerade mot meningen; tecknet följer över- eller underskott. ${SEED_NOTE}`,
  });
}
