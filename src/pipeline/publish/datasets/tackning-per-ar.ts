/** tackning-per-ar: the registry's coverage on 31 December of each year, certain and possible. */
import { z } from "zod";
import type { CoverageRow } from "../../registry";
import { count, isoDay, optionalNumber, year } from "../columns";
import { defineDataset, REGISTRY_SOURCE, roundOrNull, type Dataset } from "../dataset";
import { field } from "../fields";

export const tackningPerArRowSchema = z.object({
  year,
  reference_date: isoDay,
  foerbund_count_certain: count,
  foerbund_count_possible: count,
  member_kommuner_certain: count,
  member_kommuner_possible: count,
  member_kommuner_unrecorded: count,
  kommuner_without_certain: count,
  complete_list: z.boolean(),
  share_pop_16_64_certain: optionalNumber,
  share_pop_16_64_possible: optionalNumber,
  spells_exact: count,
  spells_bounded: count,
});
export type TackningPerArRow = z.infer<typeof tackningPerArRowSchema>;

export function tackningPerArDataset(coverage: readonly CoverageRow[]): Dataset {
  return defineDataset({
    name: "tackning-per-ar",
    title: "Förbundens täckning per år",
    description:
      "Den 31 december varje år: antal förbund, medlemskommuner, kommuner utan förbund och andel av befolkningen 16–64 år som bor i en medlemskommun — både det som källorna bevisar (certain) och den övre gränsen (possible). Skillnaden mellan dem är det registret inte kan avgöra.",
    fields: [
      field("year"), field("reference_date"), field("foerbund_count_certain"), field("foerbund_count_possible"), field("member_kommuner_certain"), field("member_kommuner_possible"),
      field("member_kommuner_unrecorded"), field("kommuner_without_certain"), field("complete_list"), field("share_pop_16_64_certain"), field("share_pop_16_64_possible"), field("spells_exact"), field("spells_bounded"),
    ],
    primaryKey: ["year"],
    schema: tackningPerArRowSchema,
    rows: coverage.map((c) => ({
      ...c,
      share_pop_16_64_certain: roundOrNull(c.share_pop_16_64_certain, 6),
      share_pop_16_64_possible: roundOrNull(c.share_pop_16_64_possible, 6),
    })),
    sources: [REGISTRY_SOURCE],
    processing: "Registret läst den 31 december varje år. Befolkning 16–64 år = Kolada N01954 + N01955 samma år; andelen är tom där befolkningen saknas (Kolada-arkivet slutar 2022).",
  });
}
