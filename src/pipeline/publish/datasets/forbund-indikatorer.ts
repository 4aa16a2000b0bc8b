/** forbund-indikatorer: the indicators for each förbund area and year, aggregated from its member kommuner. */
import { z } from "zod";
import type { FoerbundIndicatorValue } from "../../derive/foerbund-areas";
import { areaMembershipEnum } from "../../registry";
import { areaStatusEnum, sexEnum } from "../../schema";
import { count, kpi, list, optionalNumber, slug, year } from "../columns";
import { defineDataset, KOLADA_PER_KOMMUN_SOURCE, REGISTRY_SOURCE, roundOrNull, type Dataset } from "../dataset";
import { field } from "../fields";

export const forbundIndikatorerRowSchema = z.object({
  foerbund_id: slug,
  kpi,
  year,
  sex: sexEnum,
  value: optionalNumber,
  status: areaStatusEnum,
  membership: areaMembershipEnum,
  members: count,
  members_possible_only: count,
  weight_total: optionalNumber,
  missing_codes: list,
});
export type ForbundIndikatorerRow = z.infer<typeof forbundIndikatorerRowSchema>;

export function forbundIndikatorerDataset(indicators: readonly FoerbundIndicatorValue[]): Dataset {
  return defineDataset({
    name: "forbund-indikatorer",
    title: "Nyckeltal för förbundens områden",
    description:
      "Nyckeltalen för varje förbunds område och år, sammanvägda från medlemskommunerna det året: befolkningsvägda (invånare 16–64 år; ekonomiskt bistånd: alla invånare), antal summerade. Inget värde ges när någon medlem saknar värde, eller när medlemmarna är stadsdelar.",
    fields: [
      field("foerbund_id"), field("kpi"), field("year"), field("sex"),
      field("value", { description: "Områdets värde i nyckeltalets enhet (se datamängden för nyckeltalet). Tomt när det inte kan beräknas; se status." }),
      field("status", { enum: areaStatusEnum.options }),
      field("membership"), field("members"), field("members_possible_only"), field("weight_total"), field("missing_codes"),
    ],
    primaryKey: ["foerbund_id", "kpi", "year", "sex"],
    schema: forbundIndikatorerRowSchema,
    rows: indicators.map((v) => ({ ...v, value: roundOrNull(v.value, 4) })),
    sources: [REGISTRY_SOURCE, KOLADA_PER_KOMMUN_SOURCE],
    processing:
      "Medlemmar enligt registret den 31 december varje år (säkra och möjliga; kolumnen membership säger om året vilar på datumgränser). Värde = Σ(kommunens värde × vikt) / Σ vikt, där vikten är invånare 16–64 år samma år och kön (ekonomiskt bistånd: alla invånare); antal summeras. Avrundat till 4 decimaler.",
  });
}
