/**
 * Publish the förbund registry and what is derived from it: förbund, names,
 * membership spells, sources, coverage per year, the comparison with
 * published national counts, members per year and the area indicators.
 */
import type { FoerbundIndicatorValue, FoerbundYearMember } from "../derive/foerbund-areas";
import { GROUPING_DATE, type GroupValue } from "../derive/with-without";
import type { CompleteList, CoverageRow, Foerbund, FoerbundName, PublishedComparison, Registry, Source, Spell } from "../registry";
import { field } from "./fields";
import { round, type Dataset, type ResourceSource } from "./datasets";

export interface RegistryDerivations {
  coverage: CoverageRow[];
  comparison: PublishedComparison[];
  members: FoerbundYearMember[];
  indicators: FoerbundIndicatorValue[];
  groups: GroupValue[];
}

const REGISTRY_SOURCE: ResourceSource = {
  title: "Förbundsregistret (data/registry/), sammanställt ur riksdagens uppföljning 2015 (Bilaga 4 m.fl.), Nationella rådets och förbundens egna sidor; varje uppgift har sina källor i kolumnen source_ids",
  publisher: "Finsam i siffror (sammanställning); ursprungliga utgivare enligt datamängden kallor",
  path: "kallor.csv",
  licence: "CC BY 4.0 (sammanställningen); citaten tillhör respektive källa",
};

/** The name a förbund had last (names are dated; the one with the latest possible end wins). */
export function latestNames(registry: Registry): Map<string, string> {
  const latest = new Map<string, { name: string; key: string }>();
  for (const n of registry.names) {
    const key = n.to.latest ?? "9999-12-31";
    const current = latest.get(n.foerbund_id);
    if (!current || key > current.key) latest.set(n.foerbund_id, { name: n.name, key });
  }
  return new Map([...latest].map(([id, v]) => [id, v.name]));
}

// ---- published rows: one mapper per dataset; the site reads these types back ----

export function foerbundRow(f: Foerbund, name: string, predecessors: readonly string[]) {
  return {
    id: f.id,
    foerbund_name: name,
    kind: f.kind,
    lan_codes: f.lan_codes.join(";"),
    founded: f.founded.raw,
    ended: f.ended?.raw ?? "",
    end_reason: f.end_reason,
    successor_ids: f.successor_ids.join(";"),
    predecessor_ids: predecessors.join(";"),
    source_ids: f.source_ids.join(";"),
    note: f.note,
  };
}
export type FoerbundRow = ReturnType<typeof foerbundRow>;

export function foerbundNameRow(n: FoerbundName) {
  return { foerbund_id: n.foerbund_id, name: n.name, from: n.from.raw, to: n.to.raw, source_ids: n.source_ids.join(";") };
}
export type FoerbundNameRow = ReturnType<typeof foerbundNameRow>;

export function spellRow(s: Spell, memberName: string) {
  return {
    foerbund_id: s.foerbund_id,
    member_code: s.member_code,
    member_name: memberName,
    stadsdel: s.stadsdel,
    from: s.from.raw,
    from_earliest: s.from.earliest ?? "",
    from_latest: s.from.latest ?? "",
    to: s.to.raw,
    to_earliest: s.to.earliest ?? "",
    to_latest: s.to.latest ?? "",
    dating: (s.from.kind === "exact" && s.to.kind === "exact" ? "exact" : "bounded") as "exact" | "bounded",
    source_ids: s.source_ids.join(";"),
    note: s.note,
  };
}
export type SpellRow = ReturnType<typeof spellRow>;

export function sourceRow(s: Source) {
  return { id: s.id, citation: s.citation, url: s.url, seed_file: s.seed_file, seed_line: s.seed_line, quote: s.quote };
}
export type RegistrySourceRow = ReturnType<typeof sourceRow>;

export function completeListRow(c: CompleteList) {
  return { id: c.id, date: c.date.raw, scope: Array.isArray(c.scope) ? c.scope.join(";") : c.scope, source_id: c.source_id, note: c.note };
}
export type CompleteListRow = ReturnType<typeof completeListRow>;

export function memberYearRow(m: FoerbundYearMember, memberName: string) {
  return { foerbund_id: m.foerbund_id, year: m.year, member_code: m.member_code, member_name: memberName, stadsdel: m.stadsdel, member_status: m.status };
}
export type MemberYearRow = ReturnType<typeof memberYearRow>;

export function comparisonRow({ difference, ...c }: PublishedComparison) {
  return { ...c, comparison: difference };
}
export type ComparisonRow = ReturnType<typeof comparisonRow>;

export function registryDatasets(registry: Registry, derived: RegistryDerivations, kommunNames: ReadonlyMap<string, string>): Dataset[] {
  const names = latestNames(registry);
  const sources = [REGISTRY_SOURCE];
  return [
    {
      name: "forbund",
      title: "Samordningsförbund 2004–",
      description: "Varje samordningsförbund i registret, även sammanslagna och upplösta: slag, län, när det bildades och upphörde, föregångare och efterträdare, och källorna.",
      fields: [field("id"), field("foerbund_name"), field("kind"), field("lan_codes"), field("founded"), field("ended"), field("end_reason"), field("successor_ids"), field("predecessor_ids"), field("source_ids"), field("note")],
      primaryKey: ["id"],
      rows: registry.foerbund.map((f) => foerbundRow(f, names.get(f.id)!, registry.predecessors.get(f.id) ?? [])),
      sources,
      processing: "Registrets rader som de står, med föregångare härledda från efterträdarna. Datum anges bara som källorna anger dem; en gräns (<=X, >=X) betyder att bara en ögonblicksbild visar uppgiften.",
    },
    {
      name: "forbund-namn",
      title: "Förbundens namn över tid",
      description: "Officiella namn med de perioder de användes.",
      fields: [field("foerbund_id"), field("name", { description: "Förbundets namn under perioden." }), field("from"), field("to"), field("source_ids")],
      primaryKey: ["foerbund_id", "name", "from"],
      rows: registry.names.map(foerbundNameRow),
      sources,
      processing: "Oförändrat ur registret.",
    },
    {
      name: "medlemskap",
      title: "Medlemskap i samordningsförbund över tid",
      description:
        "Varje period då en kommun (eller en stadsdel) var medlem i ett förbund, med start och slut så exakt som källorna anger dem och det intervall av dagar som är möjligt. Ett medlemskap som bara en ögonblicksbild visar (t.ex. listan i april 2015) är 'bounded', aldrig gissat.",
      fields: [
        field("foerbund_id"), field("member_code"), field("member_name"), field("stadsdel"),
        field("from"), field("from_earliest"), field("from_latest"), field("to"), field("to_earliest"), field("to_latest"),
        field("dating"), field("source_ids"), field("note"),
      ],
      primaryKey: ["foerbund_id", "member_code", "stadsdel", "from"],
      rows: registry.spells.map((s) => spellRow(s, kommunNames.get(s.member_code)!)),
      sources,
      processing: "Datumspråket tolkat till första och sista möjliga dag (ISO). Inga datum härledda utöver vad källorna säger.",
    },
    {
      name: "kallor",
      title: "Källor till förbundsregistret",
      description: "Varje källa som registret bygger på, med webbadress eller dokument och rad, och källans egna ord.",
      fields: [field("id"), field("citation"), field("url"), field("seed_file"), field("seed_line"), field("quote")],
      primaryKey: ["id"],
      rows: registry.sources.map(sourceRow),
      sources,
      processing: "Oförändrat ur registret.",
    },
    {
      name: "fullstandiga-listor",
      title: "Fullständiga listor över förbund",
      description:
        "Dagar då en källa listar alla förbund och deras medlemmar i ett område (hela landet eller ett län). Bara på sådana dagar kan registret säga att en kommun säkert inte var med i något förbund.",
      fields: [field("id"), field("date", { description: "Dagen eller månaden listan gäller, i registrets datumspråk." }), field("scope", { description: "riket, eller de länskoder listan täcker (semikolonseparerade)." }), field("source_id"), field("note")],
      primaryKey: ["id"],
      rows: registry.completeLists.map(completeListRow),
      sources,
      processing: "Oförändrat ur registret.",
    },
    {
      name: "tackning-per-ar",
      title: "Förbundens täckning per år",
      description:
        "Den 31 december varje år: antal förbund, medlemskommuner, kommuner utan förbund och andel av befolkningen 16–64 år som bor i en medlemskommun — både det som källorna bevisar (certain) och den övre gränsen (possible). Skillnaden mellan dem är det registret inte kan avgöra.",
      fields: [
        field("year"), field("reference_date"), field("foerbund_count_certain"), field("foerbund_count_possible"), field("member_kommuner_certain"), field("member_kommuner_possible"),
        field("member_kommuner_unrecorded"), field("kommuner_without_certain"), field("complete_list"), field("share_pop_16_64_certain"), field("share_pop_16_64_possible"), field("spells_exact"), field("spells_bounded"),
      ],
      primaryKey: ["year"],
      rows: derived.coverage.map((c) => ({
        ...c,
        share_pop_16_64_certain: c.share_pop_16_64_certain === null ? null : round(c.share_pop_16_64_certain, 6),
        share_pop_16_64_possible: c.share_pop_16_64_possible === null ? null : round(c.share_pop_16_64_possible, 6),
      })),
      sources: [REGISTRY_SOURCE],
      processing: "Registret läst den 31 december varje år. Befolkning 16–64 år = Kolada N01954 + N01955 samma år; andelen är tom där befolkningen saknas (Kolada-arkivet slutar 2022).",
    },
    {
      name: "tackning-jamforelse",
      title: "Registret jämfört med publicerade nationella antal",
      description: "Varje publicerat antal förbund och medlemskommuner (riksdagens uppföljning 2015 Tabell 1, Försäkringskassan, Socialstyrelsen, SKR m.fl.) bredvid registrets säkra antal och övre gräns samma dag.",
      fields: [field("id"), field("year"), field("reference_date"), field("compared_on"), field("metric"), field("published", { type: "integer", description: "Antalet som källan publicerar." }), field("qualifier"), field("source_id"), field("ours_certain"), field("ours_recorded"), field("ours_possible"), field("comparison")],
      primaryKey: ["id"],
      rows: derived.comparison.map(comparisonRow),
      sources: [REGISTRY_SOURCE],
      processing: "Jämförelsedagen är sista dagen i den publicerade perioden (ett år → 31 december).",
    },
    {
      name: "forbund-medlemmar-per-ar",
      title: "Förbundens medlemmar per år",
      description: "För varje förbund och år: medlemmarna den 31 december, och om medlemskapet är belagt (certain) eller bara möjligt (possible).",
      fields: [field("foerbund_id"), field("year"), field("member_code"), field("member_name"), field("stadsdel"), field("member_status")],
      primaryKey: ["foerbund_id", "year", "member_code", "stadsdel"],
      rows: derived.members.map((m) => memberYearRow(m, kommunNames.get(m.member_code)!)),
      sources: [REGISTRY_SOURCE],
      processing: "Registrets medlemskap lästa den 31 december varje år.",
    },
    {
      name: "forbund-indikatorer",
      title: "Nyckeltal för förbundens områden",
      description:
        "Nyckeltalen för varje förbunds område och år, sammanvägda från medlemskommunerna det året: befolkningsvägda (invånare 16–64 år; ekonomiskt bistånd: alla invånare), antal summerade. Inget värde ges när någon medlem saknar värde, eller när medlemmarna är stadsdelar.",
      fields: [
        field("foerbund_id"), field("kpi"), field("year"), field("sex"),
        field("value", { description: "Områdets värde i nyckeltalets enhet (se datamängden för nyckeltalet). Tomt när det inte kan beräknas; se status." }),
        field("status", { enum: ["aggregated", "incomplete", "stadsdel_members"] }),
        field("membership"), field("members"), field("members_possible_only"), field("weight_total"), field("missing_codes"),
      ],
      primaryKey: ["foerbund_id", "kpi", "year", "sex"],
      rows: derived.indicators.map((v) => ({ ...v, value: v.value === null ? null : round(v.value, 4), weight_total: v.weight_total })),
      sources: [REGISTRY_SOURCE, { title: "Kolada, nyckeltal per kommun (se datamängden för varje nyckeltal)", publisher: "RKA, Kolada", path: "https://www.kolada.se/", licence: "Källa: Kolada" }],
      processing:
        "Medlemmar enligt registret den 31 december varje år (säkra och möjliga; kolumnen membership säger om året vilar på datumgränser). Värde = Σ(kommunens värde × vikt) / Σ vikt, där vikten är invånare 16–64 år samma år och kön (ekonomiskt bistånd: alla invånare); antal summeras. Avrundat till 4 decimaler.",
    },
    {
      name: "med-och-utan-forbund",
      title: "Kommuner med och utan förbund (grupperade efter april 2015)",
      description:
        "Nyckeltalen för två fasta grupper av kommuner, alla år: de 241 kommuner som var med i ett samordningsförbund i april 2015 och de 49 som inte var det (riksdagens uppföljning 2015, Bilaga 4 — den enda fullständiga listan). Grupperna är desamma alla år, så serierna visar hur grupperna utvecklats, inte vad ett medlemskap har för effekt.",
      fields: [
        field("group", { description: "med-forbund-2015 = medlem i april 2015; utan-forbund-2015 = inte medlem i april 2015." }),
        field("kpi"), field("year"), field("sex"),
        field("value", { description: "Gruppens värde i nyckeltalets enhet, befolkningsvägt som förbundsområdena. Tomt när någon kommun i gruppen saknar värde." }),
        field("status", { enum: ["aggregated", "incomplete"] }),
        field("members", { description: "Antal kommuner i gruppen." }),
        field("missing_codes"),
      ],
      primaryKey: ["group", "kpi", "year", "sex"],
      rows: derived.groups.map((g) => ({ ...g, value: g.value === null ? null : round(g.value, 4) })),
      sources: [REGISTRY_SOURCE, { title: "Kolada, nyckeltal per kommun (se datamängden för varje nyckeltal)", publisher: "RKA, Kolada", path: "https://www.kolada.se/", licence: "Källa: Kolada" }],
      processing: `Grupperna bestäms av registret den ${GROUPING_DATE} (Bilaga 4). Värde = Σ(värde × vikt) / Σ vikt över gruppens kommuner, vikten invånare 16–64 år (ekonomiskt bistånd: alla invånare). Avrundat till 4 decimaler.`,
    },
  ];
}
