/**
 * Every published dataset, in the order of datapackage.json, and the row
 * schema of each by name: the writer checks rows against these schemas, and
 * readPublished (../read.ts) checks the files against the same ones.
 */
import type { z } from "zod";
import type { TotalCheck } from "../../derive/check-totals";
import type { FoerbundIndicatorValue, FoerbundYearMember } from "../../derive/foerbund-areas";
import type { DerivedValue } from "../../derive/population";
import type { GroupValue } from "../../derive/with-without";
import { INDICATORS, type IndicatorInfo, type IndicatorSlug } from "../../indicators";
import type { Snapshot } from "../../load";
import type { CoverageRow, PublishedComparison, Registry } from "../../registry";
import type { Dataset } from "../dataset";
import { befolkning1664Dataset, befolkning1664RowSchema } from "./befolkning-16-64";
import { forbundDataset, forbundRowSchema } from "./forbund";
import { forbundIndikatorerDataset, forbundIndikatorerRowSchema } from "./forbund-indikatorer";
import { forbundMedlemmarPerArDataset, forbundMedlemmarPerArRowSchema } from "./forbund-medlemmar-per-ar";
import { forbundNamnDataset, forbundNamnRowSchema } from "./forbund-namn";
import { forbundSiffrorDataset, forbundSiffrorRowSchema } from "./forbund-siffror-2015";
import { forbundTabellerDataset, forbundTabellerRowSchema } from "./forbund-tabeller-2015";
import { fullstandigaListorDataset, fullstandigaListorRowSchema } from "./fullstandiga-listor";
import { indicatorValueDataset, indicatorValueRowSchema } from "./indicator-values";
import { kallorDataset, kallorRowSchema } from "./kallor";
import { kommunerDataset, kommunerRowSchema } from "./kommuner";
import { kontrollLanRiketDataset, kontrollLanRiketRowSchema } from "./kontroll-lan-riket";
import { lanDataset, lanRowSchema } from "./lan";
import { medOchUtanForbundDataset, medOchUtanForbundRowSchema } from "./med-och-utan-forbund";
import { medlemskapDataset, medlemskapRowSchema } from "./medlemskap";
import { medlemsstatusPerDatumDataset, medlemsstatusPerDatumRowSchema } from "./medlemsstatus-per-datum";
import { forbundMedlemmarUnderArDataset, forbundMedlemmarUnderArRowSchema } from "./forbund-medlemmar-under-ar";
import { finsamNationelltDataset, printedTableRowSchema, socsamDataset } from "./printed-tables";
import { tackningJamforelseDataset, tackningJamforelseRowSchema } from "./tackning-jamforelse";
import { tackningPerArDataset, tackningPerArRowSchema } from "./tackning-per-ar";
import { deltagareForbundRowSchema, deltagareNationelltRowSchema } from "./deltagare";
import { finsamOmradenDataset, finsamOmradenRowSchema } from "./finsam-omraden";
import { samordningNationelltDataset, samordningNationelltRowSchema } from "./samordning-nationellt";
import { samordningsformerDataset, samordningsformerRowSchema } from "./samordningsformer";
import { socsamEnkaterDataset, socsamEnkaterRowSchema } from "./socsam-enkater";
import { socsamGotlandIntervjuerDataset, socsamGotlandIntervjuerRowSchema } from "./socsam-gotland-intervjuer";
import { socsamOmradenDataset, socsamOmradenRowSchema } from "./socsam-omraden";
import { socsamResultatTextDataset, socsamResultatTextRowSchema } from "./socsam-resultat-text";
import { socsamTidslinjeDataset, socsamTidslinjeRowSchema } from "./socsam-tidslinje";
import { socsamGotlandAktiviteterDataset, socsamGotlandAktiviteterRowSchema } from "./socsam-gotland-aktiviteter";
import type { EventStudy } from "../../derive/event-study";
import { handelsestudieDataset, handelsestudieRowSchema } from "./handelsestudie";
import { handelsestudieKommunerDataset, handelsestudieKommunerRowSchema } from "./handelsestudie-kommuner";

export type { Dataset, ResourceSource } from "../dataset";

/** Everything the datasets are built from: the snapshot, the registry and the derivations. */
export interface PublishInputs {
  snapshot: Snapshot;
  catalog: readonly IndicatorInfo[];
  population16to64: readonly DerivedValue[];
  totalChecks: readonly TotalCheck[];
  registry: Registry;
  /** The registry years, 2004 to the last year a source covers (build.ts). */
  registryYears: readonly [number, number];
  coverage: readonly CoverageRow[];
  comparison: readonly PublishedComparison[];
  members: readonly FoerbundYearMember[];
  indicators: readonly FoerbundIndicatorValue[];
  groups: readonly GroupValue[];
  /** The event study of joining a förbund (derive/event-study.ts). */
  eventStudy: EventStudy;
}

export function buildDatasets(p: PublishInputs): Dataset[] {
  const kommunNames = new Map(p.snapshot.kommuner.map((k) => [k.kommunkod, k.name]));
  return [
    kommunerDataset(p.snapshot),
    lanDataset(p.snapshot),
    ...p.catalog.map((info) => indicatorValueDataset(p.snapshot, info)),
    befolkning1664Dataset(p.snapshot, p.population16to64),
    kontrollLanRiketDataset(p.snapshot, p.totalChecks, p.catalog),
    finsamNationelltDataset(p.snapshot),
    forbundSiffrorDataset(p.snapshot),
    forbundTabellerDataset(p.snapshot),
    socsamDataset(p.snapshot),
    forbundDataset(p.registry),
    forbundNamnDataset(p.registry),
    medlemskapDataset(p.registry, kommunNames),
    kallorDataset(p.registry),
    fullstandigaListorDataset(p.registry),
    tackningPerArDataset(p.coverage),
    tackningJamforelseDataset(p.comparison),
    forbundMedlemmarPerArDataset(p.members, kommunNames),
    forbundIndikatorerDataset(p.indicators, p.registry),
    medOchUtanForbundDataset(p.groups),
    medlemsstatusPerDatumDataset(p.registry, kommunNames, p.registryYears),
    socsamTidslinjeDataset(p.snapshot),
    socsamOmradenDataset(p.snapshot),
    finsamOmradenDataset(p.snapshot),
    socsamResultatTextDataset(p.snapshot),
    socsamEnkaterDataset(p.snapshot),
    socsamGotlandIntervjuerDataset(p.snapshot),
    samordningsformerDataset(p.snapshot),
    samordningNationelltDataset(p.snapshot),
    socsamGotlandAktiviteterDataset(p.snapshot),
    handelsestudieDataset(p.eventStudy.rows),
    handelsestudieKommunerDataset(p.eventStudy.timings, kommunNames),
    forbundMedlemmarUnderArDataset(p.registry, kommunNames, p.registryYears),
  ];
}

const indicatorSchemas = Object.fromEntries(INDICATORS.map((i) => [i.slug, indicatorValueRowSchema])) as Record<IndicatorSlug, typeof indicatorValueRowSchema>;

/** Dataset name → row schema, for every dataset of the standard catalogue. */
export const PUBLISHED_SCHEMAS = {
  kommuner: kommunerRowSchema,
  lan: lanRowSchema,
  ...indicatorSchemas,
  "befolkning-16-64": befolkning1664RowSchema,
  "kontroll-lan-riket": kontrollLanRiketRowSchema,
  "finsam-nationellt-2011-2015": printedTableRowSchema,
  "forbund-siffror-2015": forbundSiffrorRowSchema,
  "forbund-tabeller-2015": forbundTabellerRowSchema,
  "socsam-1998": printedTableRowSchema,
  forbund: forbundRowSchema,
  "forbund-namn": forbundNamnRowSchema,
  medlemskap: medlemskapRowSchema,
  kallor: kallorRowSchema,
  "fullstandiga-listor": fullstandigaListorRowSchema,
  "tackning-per-ar": tackningPerArRowSchema,
  "tackning-jamforelse": tackningJamforelseRowSchema,
  "forbund-medlemmar-per-ar": forbundMedlemmarPerArRowSchema,
  "forbund-indikatorer": forbundIndikatorerRowSchema,
  "med-och-utan-forbund": medOchUtanForbundRowSchema,
  "medlemsstatus-per-datum": medlemsstatusPerDatumRowSchema,
  "deltagare-nationellt": deltagareNationelltRowSchema,
  "deltagare-forbund": deltagareForbundRowSchema,
  "socsam-tidslinje": socsamTidslinjeRowSchema,
  "socsam-omraden": socsamOmradenRowSchema,
  "finsam-omraden-1993-1997": finsamOmradenRowSchema,
  "socsam-resultat-text": socsamResultatTextRowSchema,
  "socsam-enkater": socsamEnkaterRowSchema,
  "socsam-gotland-intervjuer": socsamGotlandIntervjuerRowSchema,
  "samordningsformer-fore-2004": samordningsformerRowSchema,
  "samordning-nationellt-fridolf": samordningNationelltRowSchema,
  "socsam-gotland-aktiviteter": socsamGotlandAktiviteterRowSchema,
  handelsestudie: handelsestudieRowSchema,
  "handelsestudie-kommuner": handelsestudieKommunerRowSchema,
  "forbund-medlemmar-under-ar": forbundMedlemmarUnderArRowSchema,
} as const;

export type PublishedName = keyof typeof PUBLISHED_SCHEMAS;
export type PublishedRow<N extends PublishedName> = z.infer<(typeof PUBLISHED_SCHEMAS)[N]>;
