/**
 * deltagarbedomning: Kolada's Finsam KPIs U40460–U40469, "Deltagarbedömning
 * Finsam – …, andel (%)" (participants' own assessment), one row per KPI,
 * unit of report, year and sex, from Kolada API v3 (data/snapshot/kolada-live/).
 *
 * Published only when a fetch holds values: the project never publishes a
 * header-only CSV (parseCsv refuses one as a cut file), so without values the
 * dataset is absent, and /deltagare/ says in words what the KPIs are and that
 * no values are fetched (ASSESSMENT_KPIS_KNOWN). Organisational-unit (OU)
 * values are published with Kolada's OU id and no förbund: which OU is which
 * förbund is not known here.
 */
import { z } from "zod";
import type { AssessmentSnapshot } from "../../assessments";
import { FINSAM_KPIS } from "../../fetch/kolada";
import type { Snapshot } from "../../load";
import { nonEmptyText, optionalNumber, text, year } from "../columns";
import { areaNames, defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";

/**
 * What is known here without a fetch: the ids, the common title and two full
 * titles, as documented for the fetch (shared/data/live-sources/README.md,
 * which cites Kolada's KPI list via peterk/tableau-kolada-proxy kpi_all.js).
 */
export const ASSESSMENT_KPIS_KNOWN = {
  ids: FINSAM_KPIS,
  titlePattern: "Deltagarbedömning Finsam – …, andel (%)",
  titles: [
    { kpi: "U40460", title: "Deltagarbedömning Finsam – Stöd är till stor nytta, andel (%)" },
    { kpi: "U40465", title: "Deltagarbedömning Finsam – Mer redo att arbeta eller studera, andel (%)" },
  ],
  source: "Kolada:s nyckeltalslista, som den återges i projektets underlag om Kolada API v3 (live-sources/README.md, med hänvisning till peterk/tableau-kolada-proxy kpi_all.js)",
} as const;

export const ASSESSMENT_UNIT_LABELS = {
  kommun: "kommun",
  lan: "län (region)",
  riket: "riket",
  ou: "organisationsenhet i Kolada",
} as const;

export const deltagarbedomningRowSchema = z.object({
  kpi: z.enum(FINSAM_KPIS as [string, ...string[]]),
  measure_label: nonEmptyText,
  level: z.enum(["kommun", "lan", "riket", "ou"]),
  code: nonEmptyText,
  name: text,
  year,
  sex: z.enum(["T", "K", "M"]),
  value: optionalNumber.refine((v) => v === null || (v >= 0 && v <= 100), "a share from 0 to 100"),
  status: z.enum(["published", "not_published"]),
  note: text,
  source_file: nonEmptyText,
});
export type DeltagarbedomningRow = z.infer<typeof deltagarbedomningRowSchema>;

const OU_NOTE = "Organisationsenhet i Kolada; vilket samordningsförbund den är kan inte avgöras härifrån, så värdet visas bara som ej kopplat.";

/** The dataset when the live snapshot holds Finsam values; none otherwise (see above). */
export function deltagarbedomningDatasets(assessments: AssessmentSnapshot | null, snapshot: Pick<Snapshot, "lan" | "kommuner">): Dataset[] {
  return assessments && assessments.rows.length > 0 ? [deltagarbedomningDataset(assessments, snapshot)] : [];
}

export function deltagarbedomningDataset(assessments: AssessmentSnapshot, snapshot: Pick<Snapshot, "lan" | "kommuner">): Dataset {
  const names = areaNames(snapshot);
  const titles = new Map(assessments.kpis.map((k) => [k.kpi, k.title]));
  const rows: DeltagarbedomningRow[] = assessments.rows.map((r) => ({
    kpi: r.kpi,
    measure_label: titles.get(r.kpi)!,
    level: r.level,
    code: r.code,
    name: r.level === "ou" ? "" : names.get(`${r.level}:${r.code}`) ?? "",
    year: r.year,
    sex: r.sex,
    value: r.value,
    status: r.status,
    note: r.level === "ou" ? [r.note, OU_NOTE].filter(Boolean).join(" ") : r.note,
    source_file: r.source_file,
  }));
  const known = `Nyckeltalen ${ASSESSMENT_KPIS_KNOWN.ids[0]}–${ASSESSMENT_KPIS_KNOWN.ids[ASSESSMENT_KPIS_KNOWN.ids.length - 1]} i Kolada heter "${ASSESSMENT_KPIS_KNOWN.titlePattern}" och är deltagarnas egen bedömning (Deltagarbedömning Finsam), redovisad som andel i procent (till exempel ${ASSESSMENT_KPIS_KNOWN.titles.map((t) => `${t.kpi} "${t.title}"`).join(" och ")}).`;
  const description = `${known} Hämtade från Kolada API v3 ${assessments.provenance.retrieval.archived_on}: ${rows.length} rader. Varje rad har den enhet som Kolada:s metadata anger (kommun, län, riket eller organisationsenhet). Värden per organisationsenhet kan inte knytas till ett förbund härifrån och har därför inget förbund.`;
  return defineDataset({
    name: "deltagarbedomning",
    title: "Deltagarnas egen bedömning (Kolada, Deltagarbedömning Finsam)",
    description,
    fields: [
      field("kpi", { description: "Kolada-nyckeltalets id, U40460–U40469." }),
      field("measure_label", { description: "Nyckeltalets titel i Kolada (API v3)." }),
      field("level", { description: "Enheten värdet redovisas för, som Kolada:s metadata anger: kommun, lan (län/region), riket eller ou (organisationsenhet i Kolada).", enum: ["kommun", "lan", "riket", "ou"] }),
      field("code", { description: "Kommunkod (4 tecken), länskod (2 tecken), 00 för riket, eller Kolada:s id för organisationsenheten." }),
      field("name", { description: "Kommunens eller länets namn; tomt för en organisationsenhet (dess förbund är inte känt här)." }),
      field("year"),
      field("sex"),
      field("value", { description: "Andel i procent som Kolada publicerar den. Tomt när Kolada inte har något värde; se status.", unit: "procent", minimum: 0, maximum: 100 }),
      field("status", { enum: ["published", "not_published"] }),
      field("note"),
      field("source_file", { description: "Det hämtade svaret från Kolada API v3 som värdet kommer från (se kolada-live/sources.csv)." }),
    ],
    primaryKey: ["kpi", "level", "code", "year", "sex"],
    schema: deltagarbedomningRowSchema,
    rows,
    sources: sourcesOf(assessments.provenance, ["deltagarbedomning.csv", "kpi-metadata.csv"]),
    processing:
      "Hämtat med npm run fetch och importerat med kolada-live: enheten läses ur Kolada:s metadata (municipality_type, has_ou_data, is_divided_by_gender), och importen stoppar om ett fält saknas eller har ett oväntat värde. Värden per kommun, län och riket kommer från /data, värden per organisationsenhet från /oudata. Inga värden räknas om.",
  });
}
