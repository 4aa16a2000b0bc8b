/** forbund-siffror-2015: per-förbund figures from the running text of the 2015 follow-up. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { count, nonEmptyText, optionalNumber, slug, text } from "../columns";
import { defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND } from "../foreign-keys";

export const forbundSiffrorRowSchema = z.object({
  table: nonEmptyText,
  foerbund_id: slug,
  foerbund_printed: nonEmptyText,
  activity: text,
  period: text,
  measure: nonEmptyText,
  value: optionalNumber,
  value_low: optionalNumber,
  value_high: optionalNumber,
  unit: nonEmptyText,
  note: text,
  source_line: count,
  quote: nonEmptyText,
});
export type ForbundSiffrorRow = z.infer<typeof forbundSiffrorRowSchema>;

export function forbundSiffrorDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "forbund-siffror-2015",
    title: "Siffror om enskilda förbund i riksdagens uppföljning 2015",
    description:
      "Deltagare, resultat, budget och finansiering för enskilda förbund som de står i löptexten i 2014/15:RFR (främst Bilaga 2), med den mening siffran kommer från och dess radnummer. Perioden anges som i texten; ett frågetecken betyder att texten inte säger året tydligt.",
    fields: [
      field("table", { description: "txt_03 = deltagare och resultat, txt_04 = budget och finansiering." }),
      field("foerbund_id"), field("foerbund_printed"), field("activity"),
      field("period", { description: "Perioden som texten anger (år, intervall eller fritt), oförändrad." }),
      field("measure"),
      field("value", { description: "Siffran; tom där källan ger ett intervall (se value_low och value_high)." }),
      field("value_low"), field("value_high"), field("unit"), field("note"), field("source_line"), field("quote"),
    ],
    primaryKey: ["table", "source_line", "foerbund_id", "activity", "period", "measure"],
    foreignKeys: [FK_FOERBUND],
    schema: forbundSiffrorRowSchema,
    rows: snapshot.foerbundFigures,
    sources: sourcesOf(snapshot.provenance.get("riksdag-2015")!, ["foerbund/figures.csv"]),
    processing: "Tusentalsmellanrum borttagna; ett intervall som 450–900 delat i value_low och value_high. Inget år härlett där texten inte anger det.",
  });
}
