/** socsam-omraden: the eight SOCSAM trial areas, with today's kommunkod, start and end as stated, and the 1998 result. */
import { z } from "zod";
import { datePrecisionEnum } from "../../history-schema";
import type { Snapshot } from "../../load";
import { kommunkod, nonEmptyText, optionalIsoDay, optionalNumber, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, num, SEED_NOTE } from "./history-common";
import { FK_KOMMUN } from "../foreign-keys";

export const socsamOmradenRowSchema = z.object({
  area: nonEmptyText,
  area_type: text,
  project_name: text,
  leadership_form: text,
  kommunkod,
  start_printed: nonEmptyText,
  start: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  start_precision: datePrecisionEnum,
  end_printed: text,
  end: optionalIsoDay,
  result_1998_tkr: optionalNumber,
  ram_1998_tkr: optionalNumber,
  result_1997_printed: text,
  later_foerbund_printed: text,
  source_lines: nonEmptyText,
});
export type SocsamOmradenRow = z.infer<typeof socsamOmradenRowSchema>;

export function socsamOmradenDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-omraden",
    title: "SOCSAM: de åtta försöksområdena",
    description: "Försöksområdena i SOCSAM (lag 1994:566): ledningsform, kommun, start och slut med källans ord, finansiell ram och resultat 1998 och resultatet 1997 som löptexten beskriver det.",
    fields: [
      field("area"),
      field("area_type"),
      field("project_name"),
      field("leadership_form"),
      field("kommunkod", { description: "Dagens kommun där försöket låg (Hisingen: Göteborg, Hyllie: Malmö)." }),
      field("start_printed"),
      field("start"),
      field("start_precision"),
      field("end_printed"),
      field("end"),
      field("result_1998_tkr"),
      field("ram_1998_tkr"),
      field("result_1997_printed"),
      field("later_foerbund_printed"),
      field("source_lines", { description: "Källdokument och rader, t.ex. 000:97,165 (seed:rader)." }),
    ],
    primaryKey: ["area"],
    foreignKeys: [FK_KOMMUN],
    schema: socsamOmradenRowSchema,
    rows: snapshot.history["socsam-omraden"].map((r) => ({ ...r, result_1998_tkr: num(r.result_1998_tkr), ram_1998_tkr: num(r.ram_1998_tkr) })),
    sources: historySources(snapshot, "socsam-omraden"),
    processing: `Kommunkoden är dagens kod för kommunen som huvudman; inget samordningsförbund kopplas till ett område utan källa. ${SEED_NOTE}`,
  });
}
