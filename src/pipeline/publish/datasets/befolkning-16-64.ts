/** befolkning-16-64: the derived population 16–64 (N01954 + N01955), the weight of the aggregates. */
import { z } from "zod";
import type { DerivedValue } from "../../derive/population";
import type { Snapshot } from "../../load";
import { areaLevelEnum, derivedStatusEnum, sexEnum } from "../../schema";
import { areaCode, nonEmptyText, optionalNumber, text, year } from "../columns";
import { areaNames, defineDataset, nameOf, koladaSourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";

export const befolkning1664RowSchema = z.object({
  level: areaLevelEnum,
  code: areaCode,
  name: nonEmptyText,
  year,
  sex: sexEnum,
  value: optionalNumber,
  status: derivedStatusEnum,
  note: text,
});
export type Befolkning1664Row = z.infer<typeof befolkning1664RowSchema>;

export function befolkning1664Dataset(snapshot: Snapshot, population16to64: readonly DerivedValue[]): Dataset {
  const names = areaNames(snapshot);
  return defineDataset({
    name: "befolkning-16-64",
    title: "Invånare 16–64 år (härlett)",
    description: "Antal invånare 16–64 år den 31 december: summan av Kolada N01954 (16–19 år) och N01955 (20–64 år). Vikten för förbundsområdenas värden.",
    fields: [
      field("level"),
      field("code"),
      field("name"),
      field("year"),
      field("sex"),
      field("value", { unit: "personer", description: "Invånare 16–64 år den 31 december. Tomt om någon del saknas." }),
      field("status", { enum: derivedStatusEnum.options }),
      field("note"),
    ],
    primaryKey: ["level", "code", "year", "sex"],
    schema: befolkning1664RowSchema,
    rows: population16to64.map((v) => ({ ...v, name: nameOf(names, `${v.level}:${v.code}`) })),
    sources: koladaSourcesOf(snapshot, ["values/n01954.csv", "values/n01955.csv"]),
    processing:
      "value = N01954 + N01955 för samma område, år och kön; saknas någon av dem är summan tom (status not_available, note säger vilken del som saknas). För kommuner finns en rad för varje kommun, år och kön inom periodens år, även där ingen av delarna har ett värde.",
  });
}
