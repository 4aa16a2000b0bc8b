/** kontroll-lan-riket: län and riket recomputed from their kommuner beside the publisher's totals. */
import { DERIVED_LAN_KPIS } from "../../derive/lan-from-kommuner";
import { z } from "zod";
import type { TotalCheck } from "../../derive/check-totals";
import type { IndicatorInfo } from "../../indicators";
import type { Snapshot } from "../../load";
import { areaLevelEnum, sexEnum } from "../../schema";
import { areaCode, kpi, nonEmptyText, number, year } from "../columns";
import { areaNameLookup, defineDataset, round, koladaSourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";

const checkLevelEnum = areaLevelEnum.exclude(["kommun"]);

export const kontrollLanRiketRowSchema = z.object({
  kpi,
  level: checkLevelEnum,
  code: areaCode,
  name: nonEmptyText,
  year,
  sex: sexEnum,
  published: number,
  recomputed: number,
  difference: number,
  relative_difference: number,
  tolerance: number,
  within_tolerance: z.boolean(),
});
export type KontrollLanRiketRow = z.infer<typeof kontrollLanRiketRowSchema>;

export function kontrollLanRiketDataset(snapshot: Snapshot, totalChecks: readonly TotalCheck[], catalog: readonly IndicatorInfo[]): Dataset {
  const nameOf = areaNameLookup(snapshot);
  return defineDataset({
    name: "kontroll-lan-riket",
    title: "Kontroll: län och riket beräknade från kommunerna",
    description:
      "För varje nyckeltal, län, år och kön: värdet som Kolada publicerar för länet eller riket, och vårt värde beräknat från länets kommuner på samma sätt som vi beräknar förbundsområden. Skillnaden visar hur väl metoden återger utgivarens egna totaler.",
    fields: [
      field("kpi"),
      field("level", { enum: checkLevelEnum.options }),
      field("code"),
      field("name"),
      field("year"),
      field("sex"),
      field("published"),
      field("recomputed"),
      field("difference"),
      field("relative_difference"),
      field("tolerance"),
      field("within_tolerance"),
    ],
    primaryKey: ["kpi", "level", "code", "year", "sex"],
    schema: kontrollLanRiketRowSchema,
    // The checks themselves (build.ts keeps them anyway), with the name and the rounded figures computed when checked and written.
    rows: totalChecks,
    computed: {
      name: (c: TotalCheck) => nameOf(c.level, c.code),
      recomputed: (c: TotalCheck) => round(c.recomputed, 6),
      difference: (c: TotalCheck) => round(c.difference, 6),
      relative_difference: (c: TotalCheck) => round(c.relative_difference, 6),
    },
    sources: koladaSourcesOf(snapshot, catalog.map((i) => `values/${i.kpi.toLowerCase()}.csv`)),
    processing:
      "Antal summeras; andelar och tal vägs med befolkningen 16–64 år (ekonomiskt bistånd: hela befolkningen). Kommunen räknas till det län den tillhörde det året (Heby: Västmanlands län till och med 2005 i Koladas länssiffror). Endast år där alla länets kommuner har värde jämförs. Värden avrundade till 6 decimaler." +
      (catalog.some((i) => i.kpi in DERIVED_LAN_KPIS)
        ? ` Bara värden som utgivaren publicerar jämförs: ${catalog.filter((i) => i.kpi in DERIVED_LAN_KPIS).map((i) => i.shortName.toLowerCase()).join(", ")} har inga publicerade länsvärden, så länen där beräknas från kommunerna (status derived i nyckeltalets datamängd) och finns inte här; riket jämförs som för andra nyckeltal.`
        : ""),
  });
}
