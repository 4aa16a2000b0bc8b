/** med-och-utan-forbund: the indicators for the kommuner with and without a förbund in April 2015. */
import { z } from "zod";
import { GROUPING_DATE, groupEnum, type GroupValue } from "../../derive/with-without";
import { areaStatusEnum, sexEnum } from "../../schema";
import { count, kpi, list, optionalNumber, year } from "../columns";
import { defineDataset, KOLADA_PER_KOMMUN_SOURCE, REGISTRY_SOURCE, roundOrNull, type Dataset } from "../dataset";
import { field } from "../fields";

const groupStatusEnum = areaStatusEnum.exclude(["stadsdel_members"]);

export const medOchUtanForbundRowSchema = z.object({
  group: groupEnum,
  kpi,
  year,
  sex: sexEnum,
  value: optionalNumber,
  status: groupStatusEnum,
  members: count,
  missing_codes: list,
});
export type MedOchUtanForbundRow = z.infer<typeof medOchUtanForbundRowSchema>;

export function medOchUtanForbundDataset(groups: readonly GroupValue[]): Dataset {
  return defineDataset({
    name: "med-och-utan-forbund",
    title: "Kommuner med och utan förbund (grupperade efter april 2015)",
    description:
      "Nyckeltalen för två fasta grupper av kommuner, alla år: de 241 kommuner som var med i ett samordningsförbund i april 2015 och de 49 som inte var det (riksdagens uppföljning 2015, Bilaga 4 — den enda fullständiga listan). Grupperna är desamma alla år, så serierna visar hur grupperna utvecklats, inte vad ett medlemskap har för effekt.",
    fields: [
      field("group", { description: "med-forbund-2015 = medlem i april 2015; utan-forbund-2015 = inte medlem i april 2015." }),
      field("kpi"), field("year"), field("sex"),
      field("value", { description: "Gruppens värde i nyckeltalets enhet, befolkningsvägt som förbundsområdena. Tomt när någon kommun i gruppen saknar värde." }),
      field("status", { enum: groupStatusEnum.options }),
      field("members", { description: "Antal kommuner i gruppen." }),
      field("missing_codes"),
    ],
    primaryKey: ["group", "kpi", "year", "sex"],
    schema: medOchUtanForbundRowSchema,
    rows: groups.map((g) => ({ ...g, value: roundOrNull(g.value, 4) })),
    sources: [REGISTRY_SOURCE, KOLADA_PER_KOMMUN_SOURCE],
    processing: `Grupperna bestäms av registret den ${GROUPING_DATE} (Bilaga 4). Värde = Σ(värde × vikt) / Σ vikt över gruppens kommuner, vikten invånare 16–64 år (ekonomiskt bistånd: alla invånare). Avrundat till 4 decimaler.`,
  });
}
