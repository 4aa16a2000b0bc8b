/** tackning-jamforelse: each published national count beside the registry's range that day, with a comparison code. */
import { z } from "zod";
import { comparisonCodeEnum, nationalMetricEnum, qualifierEnum, type PublishedComparison } from "../../registry";
import { count, nonEmptyText, optionalCount, optionalIsoDay, slug, year } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_SOURCE } from "../foreign-keys";

export const tackningJamforelseRowSchema = z.object({
  id: slug,
  year,
  reference_date: nonEmptyText,
  scope: nonEmptyText,
  compared_on: optionalIsoDay,
  metric: nationalMetricEnum,
  published: count,
  qualifier: qualifierEnum,
  source_id: slug,
  ours_certain: optionalCount,
  ours_recorded: optionalCount,
  ours_possible: optionalCount,
  comparison: nonEmptyText,
  comparison_code: comparisonCodeEnum,
});
export type TackningJamforelseRow = z.infer<typeof tackningJamforelseRowSchema>;

export function comparisonRow({ difference, ...c }: PublishedComparison): TackningJamforelseRow {
  return { ...c, comparison: difference };
}

export function tackningJamforelseDataset(comparison: readonly PublishedComparison[]): Dataset {
  return defineDataset({
    name: "tackning-jamforelse",
    title: "Registret jämfört med publicerade nationella antal",
    description: "Varje publicerat antal förbund, medlemskommuner och kommuner utanför förbund, för riket eller ett län (riksdagens uppföljning 2015 Tabell 1, Försäkringskassan, Socialstyrelsen, SKR, Nationella rådet, förbund och kommuner m.fl.) bredvid registrets säkra antal och övre gräns samma dag. Odaterade uppgifter finns med men jämförs inte.",
    fields: [
      field("id"), field("year"), field("reference_date"),
      field("scope", { description: "riket = hela landet; annars länskoden för ett antal som gäller ett län (registret räknas då på länets kommuner och de förbund som når in i länet)." }),
      field("compared_on", { description: "Dagen registret mäts på vid jämförelsen: sista dagen i den publicerade perioden; tomt för en odaterad uppgift (visas men jämförs inte)." }), field("metric"),
      field("published", { type: "integer", description: "Antalet som källan publicerar." }),
      field("qualifier"), field("source_id"), field("ours_certain"), field("ours_recorded"), field("ours_possible"), field("comparison"), field("comparison_code"),
    ],
    primaryKey: ["id"],
    foreignKeys: [FK_SOURCE],
    schema: tackningJamforelseRowSchema,
    rows: comparison.map(comparisonRow),
    sources: [REGISTRY_SOURCE],
    processing: "Jämförelsedagen är sista dagen i den publicerade perioden (ett år → 31 december). comparison_code sätts av den första regel som gäller i ordningen not_comparable, below_certain, above_possible, above_recorded, exact, within_range; comparison är samma sak i ord (engelska).",
  });
}
