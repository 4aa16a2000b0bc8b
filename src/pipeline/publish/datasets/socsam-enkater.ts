/** socsam-enkater: the percentages of the three SOCSAM questionnaires, as reported, with survey and group. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { nonEmptyText, optionalNumber, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, num, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const socsamEnkaterRowSchema = z.object({
  survey: nonEmptyText,
  respondent_group: nonEmptyText,
  area: nonEmptyText,
  indicator: nonEmptyText,
  value: optionalNumber,
  value_high: optionalNumber,
  unit: nonEmptyText,
  qualifier: text,
  quote: nonEmptyText,
  seed: seedList,
  source_lines: sourceLines,
});
export type SocsamEnkaterRow = z.infer<typeof socsamEnkaterRowSchema>;

export function socsamEnkaterDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-enkater",
    title: "SOCSAM: vad huvudmän, personal och medaktörer tyckte (enkäter 1997–1999)",
    description: "Andelar i procent ur de tre enkäterna i lägesrapporten 1999. Rapporten anger inte hur många som svarade (n) i någon enkät; huvudmannaenkäten gjordes inte i Stenungsund, medaktörsenkäten bara i Finspång, Grästorp och Laholm.",
    fields: [
      field("survey"),
      field("respondent_group"),
      field("area", { description: "Området andelen gäller; Alla = alla områden som ingick i enkäten." }),
      field("indicator"),
      field("value", { description: "Andelen i procent så som texten anger den (hälften = 50, en tredjedel = 33); tomt där texten inte anger något tal." }),
      field("value_high"),
      field("unit"),
      field("qualifier", { description: "Källans ord om andelen (cirka, drygt, närmare, hälften …); as stated = exakt angivet.", enum: undefined }),
      field("quote"),
      field("seed"),
      field("source_lines"),
    ],
    primaryKey: ["survey", "respondent_group", "area", "indicator"],
    schema: socsamEnkaterRowSchema,
    rows: snapshot.history["socsam-enkater"].map(({ source_line, ...r }) => ({ ...r, value: num(r.value), value_high: num(r.value_high), source_lines: source_line })),
    sources: historySources(snapshot, "socsam-enkater"),
    processing: `Varje andel är kontrollerad mot meningen den står i. Där underlaget läst in ett tal som meningen inte anger (en majoritet, lika många) är värdet tomt och orden står i qualifier. ${SEED_NOTE}`,
  });
}
