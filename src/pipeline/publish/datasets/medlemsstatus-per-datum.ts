/**
 * medlemsstatus-per-datum: every kommun's membership status on each map
 * date (30 April 2015, the complete list, and 31 December of every registry
 * year), so the site draws its maps from published data, not the registry.
 */
import { z } from "zod";
import { GROUPING_DATE } from "../../derive/with-without";
import { kommunStatusEnum, membershipStatusOn, type Registry } from "../../registry";
import { isoDay, kommunkod, nonEmptyText } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_KOMMUN } from "../foreign-keys";

export const medlemsstatusPerDatumRowSchema = z.object({ date: isoDay, kommunkod, kommun: nonEmptyText, status: kommunStatusEnum });
export type MedlemsstatusPerDatumRow = z.infer<typeof medlemsstatusPerDatumRowSchema>;

/** The map dates: the day of the complete April 2015 list, and 31 December of each year, sorted. */
export function membershipStatusDates(fromYear: number, toYear: number): string[] {
  const dates = [GROUPING_DATE];
  for (let y = fromYear; y <= toYear; y++) dates.push(`${y}-12-31`);
  return dates.sort();
}

export function medlemsstatusPerDatumDataset(registry: Registry, kommunNames: ReadonlyMap<string, string>, years: readonly [number, number]): Dataset {
  const codes = [...kommunNames.keys()].sort();
  const rows = membershipStatusDates(years[0], years[1]).flatMap((date) => {
    const status = membershipStatusOn(registry, codes, date);
    return codes.map((k) => ({ date, kommunkod: k, kommun: kommunNames.get(k)!, status: status.get(k)! }));
  });
  return defineDataset({
    name: "medlemsstatus-per-datum",
    title: "Kommunernas medlemsstatus per datum",
    description: `Varje kommuns status i förhållande till samordningsförbunden den ${GROUPING_DATE} (den fullständiga listan i Bilaga 4) och den 31 december varje år ${years[0]}–${years[1]}: säkert medlem, möjligen medlem, säkert inte medlem, eller okänt. Underlaget för kartorna på webbplatsen.`,
    fields: [
      field("date", { description: "Dagen statusen gäller (ISO, ÅÅÅÅ-MM-DD)." }),
      field("kommunkod"),
      field("kommun"),
      field("status", {
        description:
          "certain = källorna visar att kommunen var medlem i ett förbund; possible = registrets datumgränser tillåter ett medlemskap men visar det inte; not = en fullständig lista visar att kommunen inte var med i något förbund; unknown = registret har inget medlemskap för kommunen och ingen fullständig lista täcker dagen, så det går inte att veta.",
        enum: kommunStatusEnum.options,
      }),
    ],
    primaryKey: ["date", "kommunkod"],
    foreignKeys: [FK_KOMMUN],
    schema: medlemsstatusPerDatumRowSchema,
    rows,
    sources: [REGISTRY_SOURCE],
    processing:
      "Registret läst på varje datum: en kommun med ett belagt medlemskap är certain; med ett medlemskap som bara datumgränserna tillåter possible; utan registrerat medlemskap unknown, utom där en fullständig lista täcker dagen, då den är not. Inget medlemskap gissat.",
  });
}
