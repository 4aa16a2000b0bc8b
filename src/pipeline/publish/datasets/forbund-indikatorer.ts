/** forbund-indikatorer: the indicators for each förbund area and year, aggregated from its member kommuner. */
import { z } from "zod";
import type { FoerbundIndicatorValue } from "../../derive/foerbund-areas";
import { areaMembershipEnum, nameInForceOn, type Registry } from "../../registry";
import { areaStatusEnum, sexEnum } from "../../schema";
import { count, kpi, list, nonEmptyText, optionalNumber, slug, year } from "../columns";
import { defineDataset, KOLADA_PER_KOMMUN_SOURCE, REGISTRY_SOURCE, roundOrNull, type Dataset } from "../dataset";
import { field } from "../fields";
import { latestNames } from "./forbund";
import { FK_FOERBUND } from "../foreign-keys";

export const forbundIndikatorerRowSchema = z.object({
  foerbund_id: slug,
  foerbund_name: nonEmptyText,
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

/** The förbund's name on 31 December of each year (the day members are read), else its latest known name. */
export function yearNames(registry: Pick<Registry, "names">): (id: string, year: number) => string {
  const latest = latestNames(registry);
  const byId = new Map<string, Registry["names"]>();
  for (const n of registry.names) byId.set(n.foerbund_id, [...(byId.get(n.foerbund_id) ?? []), n]);
  return (id, y) => {
    const name = nameInForceOn(byId.get(id) ?? [], `${y}-12-31`) ?? latest.get(id);
    if (name === undefined) throw new Error(`förbund ${id} has no name in the registry`);
    return name;
  };
}

export function forbundIndikatorerDataset(indicators: readonly FoerbundIndicatorValue[], registry: Pick<Registry, "names">): Dataset {
  const nameOf = memoByIdAndYear(yearNames(registry));
  return defineDataset({
    name: "forbund-indikatorer",
    title: "Nyckeltal för förbundens områden",
    description:
      "Nyckeltalen för varje förbunds område och år, sammanvägda från medlemskommunerna det året: befolkningsvägda (invånare 16–64 år; ekonomiskt bistånd: alla invånare), antal summerade. Inget värde ges när någon medlem saknar värde, eller när medlemmarna är stadsdelar.",
    fields: [
      field("foerbund_id"),
      field("foerbund_name", { description: "Förbundets namn den 31 december året, enligt registrets daterade namn; förbundets senast kända namn där registret inte har något namn för den dagen." }),
      field("kpi"), field("year"), field("sex"),
      field("value", { description: "Områdets värde i nyckeltalets enhet (se datamängden för nyckeltalet). Tomt när det inte kan beräknas; se status." }),
      field("status", { enum: areaStatusEnum.options }),
      field("membership"), field("members"), field("members_possible_only"), field("weight_total"), field("missing_codes"),
    ],
    primaryKey: ["foerbund_id", "kpi", "year", "sex"],
    foreignKeys: [FK_FOERBUND],
    schema: forbundIndikatorerRowSchema,
    // The derived values themselves, not a copy of each: the name and the rounded value are computed when checked and written.
    rows: indicators,
    computed: {
      value: (v: FoerbundIndicatorValue) => roundOrNull(v.value, 4),
      foerbund_name: (v: FoerbundIndicatorValue) => nameOf(v.foerbund_id, v.year),
    },
    sources: [REGISTRY_SOURCE, KOLADA_PER_KOMMUN_SOURCE],
    processing:
      "Medlemmar enligt registret den 31 december varje år (säkra och möjliga; kolumnen membership säger om året vilar på datumgränser). Värde = Σ(kommunens värde × vikt) / Σ vikt, där vikten är invånare 16–64 år samma år och kön (ekonomiskt bistånd: alla invånare); antal summeras. Avrundat till 4 decimaler.",
  });
}

/** The same names, each looked up once: a name is read for every row, once when checked and once per file written. */
function memoByIdAndYear(nameOf: (id: string, year: number) => string): (id: string, year: number) => string {
  const byId = new Map<string, Map<number, string>>();
  return (id, y) => {
    let years = byId.get(id);
    if (!years) byId.set(id, (years = new Map()));
    let name = years.get(y);
    if (name === undefined) years.set(y, (name = nameOf(id, y)));
    return name;
  };
}
