/** handelsestudie-kommuner: each kommun's place in the event study, and why. */
import { z } from "zod";
import { TREATMENT_STATUSES, type KommunTiming, type TreatmentStatus } from "../../derive/event-study";
import { kommunkod, nonEmptyText, optionalIsoDay } from "../columns";
import { defineDataset, nameOf, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { eventStudyField, field } from "../fields";
import { FK_KOMMUN } from "../foreign-keys";

const optionalYear = z.number().int().nullable();

export const handelsestudieKommunerRowSchema = z.object({
  kommunkod,
  kommun: nonEmptyText,
  treatment_status: z.enum(TREATMENT_STATUSES),
  treatment_year: optionalYear,
  join_earliest: optionalIsoDay,
  join_latest: optionalIsoDay,
  control_last_year: optionalYear,
  bound_earliest_year: optionalYear,
  bound_latest_year: optionalYear,
  reason: nonEmptyText,
});
export type HandelsestudieKommunerRow = z.infer<typeof handelsestudieKommunerRowSchema>;

/** The reason in plain Swedish, from the timing itself. */
export function treatmentReason(t: KommunTiming): string {
  const asControl = t.control_last_year === null ? "" : ` Jämförelsekommun för andra till och med ${t.control_last_year}.`;
  const reasons: Record<TreatmentStatus, () => string> = {
    "ar-kant": () => `Första medlemskapet började ${t.treatment_year} (tidigast ${t.join_earliest}, säkert medlem från ${t.join_latest}). Ingår i huvudanalysen med året ${t.treatment_year}.${asControl}`,
    intervall: () =>
      `Första medlemskapet började någon gång mellan ${t.join_earliest} och ${t.join_latest}, så året är inte känt. Ingår inte i huvudanalysen, bara i gränsberäkningarna (${t.bound_earliest_year} och ${t.bound_latest_year}).${asControl}`,
    "start-obegransad": () =>
      t.join_latest === null
        ? "Registret har ett medlemskap utan känd början och utan säker dag. Ingår varken som ansluten eller som jämförelse."
        : `Säkert medlem från ${t.join_latest}, men registret vet inte när medlemskapet började. Ingår varken som ansluten eller som jämförelse.`,
    "aldrig-saker": () => `Registret har bara möjliga medlemskap (tidigast från ${t.join_earliest}), inget säkert. Ingår inte som ansluten.${asControl}`,
    "utanfor-enligt-lista": () =>
      `Inget registrerat medlemskap; utanför alla förbund enligt en fullständig lista som gäller till ${t.listed_outside_until}. Räknas som utanför även före listan.${asControl}`,
    okand: () => "Inget registrerat medlemskap och ingen fullständig lista som täcker kommunen: okänt. Ingår inte.",
  };
  return reasons[t.status]();
}

export function handelsestudieKommunerDataset(timings: readonly KommunTiming[], kommunNames: ReadonlyMap<string, string>): Dataset {
  const names = new Map([...kommunNames].map(([k, n]) => [`kommun:${k}`, n]));
  return defineDataset({
    name: "handelsestudie-kommuner",
    title: "Händelsestudien: varje kommuns anslutningsår, eller varför det saknas",
    description:
      "För varje kommun: om och när dess första medlemskap i ett samordningsförbund började enligt registret, om kommunen ingår i händelsestudiens huvudanalys, i gränsberäkningarna eller inte alls, och hur länge den kan vara jämförelsekommun.",
    fields: [
      field("kommunkod"), field("kommun"),
      eventStudyField("treatment_status", { enum: TREATMENT_STATUSES }),
      eventStudyField("treatment_year"), eventStudyField("join_earliest"), eventStudyField("join_latest"),
      eventStudyField("control_last_year"), eventStudyField("bound_earliest_year"), eventStudyField("bound_latest_year"),
      eventStudyField("reason"),
    ],
    primaryKey: ["kommunkod"],
    foreignKeys: [FK_KOMMUN],
    schema: handelsestudieKommunerRowSchema,
    rows: timings.map((t) => ({
      kommunkod: t.code,
      kommun: nameOf(names, `kommun:${t.code}`),
      treatment_status: t.status,
      treatment_year: t.treatment_year,
      join_earliest: t.join_earliest ?? "",
      join_latest: t.join_latest ?? "",
      control_last_year: t.control_last_year,
      bound_earliest_year: t.bound_earliest_year,
      bound_latest_year: t.bound_latest_year,
      reason: treatmentReason(t),
    })),
    sources: [REGISTRY_SOURCE],
    processing:
      "Tidigaste möjliga dag = den tidigaste dag något av kommunens medlemskap i registret kan ha börjat; första säkra dag = den tidigaste dag något av dem säkert gällde (registrets egna intervall). Anslutningsåret är känt när båda ligger samma kalenderår. Vi antar att registret har med kommunens första medlemskap.",
  });
}
