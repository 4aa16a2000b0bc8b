/**
 * The one dictionary of published columns. Every resource in datapackage.json
 * and every row of the codebook is generated from these definitions.
 */
import { areaLevelEnum, areaStatusEnum, derivedStatusEnum, publishedValueStatusEnum, sexEnum } from "../schema";
import { areaMembershipEnum, comparisonCodeEnum, datingEnum, endReasonEnum, foerbundKindEnum, memberStatusEnum, nationalMetricEnum, qualifierEnum } from "../registry/schema";

export type FieldType = "string" | "integer" | "number" | "boolean";

export interface FieldDef {
  name: string;
  type: FieldType;
  description: string;
  /** Unit of a measurement column; set per resource where it depends on the indicator. */
  unit?: string;
  /** Allowed values, where the column is a code list. */
  enum?: readonly string[];
  /** Bounds from the indicator's definition (days ≤ 365, shares 0–100, counts ≥ 0); the importer and loader check them. */
  minimum?: number;
  maximum?: number;
}

const defs = {
  kpi: { type: "string", description: "Kolada-nyckeltalets id, t.ex. N00957." },
  level: { type: "string", description: "Områdesnivå: kommun, lan (län) eller riket.", enum: areaLevelEnum.options },
  code: { type: "string", description: "Områdeskod som text: kommunkod (4 tecken, t.ex. 0114), länskod (2 tecken, t.ex. 01) eller 00 för riket." },
  name: { type: "string", description: "Områdets namn." },
  kommun: { type: "string", description: "Kommunens namn." },
  kommunkod: { type: "string", description: "Kommunkod, 4 tecken (t.ex. 0114). Läses alltid som text så att inledande nolla behålls." },
  lanskod: { type: "string", description: "Länskod, 2 tecken (t.ex. 01)." },
  lan_name: { type: "string", description: "Länets namn." },
  year: { type: "integer", description: "År (för befolkning: den 31 december; för årsmedelvärden: kalenderåret)." },
  sex: { type: "string", description: "Kön: T = totalt, K = kvinnor, M = män.", enum: sexEnum.options },
  value: { type: "number", description: "Värdet. Tomt när värde saknas; se status. Ett saknat värde är aldrig 0." },
  status: {
    type: "string",
    description:
      "Värdets status: published = som publicerat; not_published = källan har inget värde för området detta år; source_defect = källans värde är en platshållare och används inte (se note); derived = härlett av oss (se metod); not_available = kan inte härledas eftersom en del saknas; aggregated = sammanvägt från kommunerna; incomplete = någon medlemskommun saknar värde, därför inget sammanvägt värde; stadsdel_members = förbundets medlemmar är stadsdelar, som saknar egna värden.",
    enum: [...publishedValueStatusEnum.options, ...derivedStatusEnum.options, ...areaStatusEnum.options],
  },
  note: { type: "string", description: "Förklaring till värdet eller dess status." },
  published: { type: "number", description: "Värdet som utgivaren publicerar för länet eller riket." },
  recomputed: { type: "number", description: "Vårt värde för länet eller riket, beräknat från kommunerna (summa eller befolkningsvägt medelvärde)." },
  difference: { type: "number", description: "recomputed − published." },
  relative_difference: { type: "number", description: "(recomputed − published) / published." },
  tolerance: { type: "number", description: "Största godtagna relativa skillnad; större skillnad stoppar bygget." },
  within_tolerance: { type: "boolean", description: "Om skillnaden ligger inom toleransen." },
  table: { type: "string", description: "Tabellens id i källan (T01 = Tabell 1; SOCSAM-T1 = SOCSAM-rapportens Tabell 1)." },
  table_title: { type: "string", description: "Tabellens rubrik som den trycktes." },
  period: { type: "string", description: "År (YYYY) eller månad (YYYY-MM) som värdet avser; tomt om tabellen saknar period." },
  measure: { type: "string", description: "Vad värdet mäter (radrubrik i den tryckta tabellen)." },
  breakdown: { type: "string", description: "Uppdelning (kolumnrubrik i den tryckta tabellen), t.ex. kön eller område; tomt om ingen." },
  unit: { type: "string", description: "Enhet: persons, count, count_insatser, percent, MSEK, TSEK, SEK_per_participant …" },
  value_printed: { type: "string", description: "Cellen exakt som den trycktes (tusentalsmellanrum, decimalkomma, tankstreck)." },
  source_line: { type: "integer", description: "Radnummer i textversionen av källdokumentet där värdet står." },
  measure_printed: { type: "string", description: "Radrubriken som den trycktes, där den skiljer sig från koden i measure; tomt annars." },
  foerbund_printed: { type: "string", description: "Förbundets namn som det står i källan." },
  activity: { type: "string", description: "Verksamhet eller insats som siffran gäller, som källan anger den; tomt = hela förbundet." },
  value_low: { type: "number", description: "Lägsta värdet där källan anger ett intervall (t.ex. 450–900)." },
  value_high: { type: "number", description: "Högsta värdet där källan anger ett intervall." },
  group: { type: "string", description: "Grupp av kommuner." },
  date: { type: "string", description: "Datum." },
  scope: { type: "string", description: "Område." },
  // ---- förbund registry ----
  id: { type: "string", description: "Stabilt id (slug) som används i webbadresser, t.ex. goteborg-hisingen-delta." },
  foerbund_id: { type: "string", description: "Förbundets id i registret." },
  foerbund_name: { type: "string", description: "Förbundets senast kända namn." },
  kind: { type: "string", description: "Slag av förbund: en_kommun, flera_kommuner, lansforbund (hela länet), stadsdelar (medlemmarna är stadsdelar).", enum: foerbundKindEnum.options },
  lan_codes: { type: "string", description: "Länskoder förbundet ligger i, semikolonseparerade (ett förbund kan ligga i två län)." },
  founded: { type: "string", description: "Bildat, i registrets datumspråk: YYYY-MM-DD, YYYY-MM, YYYY, <=X (senast X), >=X (tidigast X) eller X..Y (mellan X och Y)." },
  ended: { type: "string", description: "Upphörde, i samma datumspråk; tomt = inget känt slut (verksamt eller okänt)." },
  end_reason: { type: "string", description: "Varför förbundet upphörde: merged (gick upp i ett annat) eller dissolved (upplöst); tomt om inget känt slut.", enum: endReasonEnum.options },
  successor_ids: { type: "string", description: "Förbund som tog över (semikolonseparerade id)." },
  predecessor_ids: { type: "string", description: "Förbund som gick upp i detta (härlett från successor_ids)." },
  source_ids: { type: "string", description: "Källor för uppgiften (semikolonseparerade id i datamängden kallor)." },
  source_id: { type: "string", description: "Källans id i datamängden kallor." },
  member_code: { type: "string", description: "Medlemmens kommunkod, 4 tecken." },
  member_name: { type: "string", description: "Medlemskommunens namn." },
  stadsdel: { type: "string", description: "Stadsdelen som är medlem, där medlemmarna är stadsdelar (Göteborg); tomt = hela kommunen." },
  from: { type: "string", description: "Från och med, i registrets datumspråk (se founded)." },
  to: { type: "string", description: "Till (gränsdag ingår inte), i registrets datumspråk; >=X betyder 'fortfarande medlem X, slutet okänt'." },
  from_earliest: { type: "string", description: "Tidigaste möjliga startdag (ISO), tomt = obegränsad." },
  from_latest: { type: "string", description: "Senaste möjliga startdag (ISO), tomt = obegränsad." },
  to_earliest: { type: "string", description: "Tidigaste möjliga slutdag (ISO, första dag utan medlemskap; samma gräns som medlemsstatus bygger på), tomt = obegränsad." },
  to_latest: { type: "string", description: "Senaste möjliga slutdag (ISO), tomt = obegränsad (slutet okänt)." },
  dating: { type: "string", description: "exact = båda ändarna har ett datum, år eller månad ur en källa; bounded = minst en ände är bara en gräns från en ögonblicksbild.", enum: datingEnum.options },
  citation: { type: "string", description: "Källans titel och utgivare." },
  url: { type: "string", description: "Webbadress där källan lästes; tomt för tryckta källor." },
  seed_file: { type: "string", description: "Textfil med källdokumentet i projektets underlag, där källan är ett tryckt dokument." },
  seed_line: { type: "integer", description: "Radnummer i den textfilen." },
  quote: { type: "string", description: "Källans egna ord (högst 300 tecken)." },
  reference_date: { type: "string", description: "Dagen (eller perioden) siffran avser." },
  compared_on: { type: "string", description: "Dagen registret mäts på vid jämförelsen: sista dagen i den publicerade perioden." },
  metric: { type: "string", description: "foerbund_count = antal förbund; member_kommuner = antal kommuner som är medlemmar; non_member_kommuner = antal kommuner utanför alla förbund.", enum: nationalMetricEnum.options },
  qualifier: { type: "string", description: "ca = källan anger ett ungefärligt tal.", enum: qualifierEnum.options },
  ours_certain: { type: "integer", description: "Vårt antal som registrets källor bevisar." },
  ours_possible: { type: "integer", description: "Vår övre gräns: bevisat plus det som registrets datumgränser inte utesluter; tomt där ingen fullständig lista gör en övre gräns möjlig." },
  comparison: { type: "string", description: "Hur den publicerade siffran förhåller sig till registrets intervall (på engelska; samma sak som comparison_code i ord)." },
  comparison_code: {
    type: "string",
    description:
      "Den publicerade siffran mot registrets intervall, prövat i denna ordning: not_comparable = registret har inget säkert eller registrerat antal den dagen; below_certain = under det registret bevisar; above_possible = över registrets övre gräns trots en fullständig lista; above_recorded = över det registret har uppgifter om; exact = samma som registrets säkra och registrerade antal; within_range = inom registrets intervall.",
    enum: comparisonCodeEnum.options,
  },
  foerbund_count_certain: { type: "integer", description: "Förbund som säkert fanns den dagen." },
  foerbund_count_possible: { type: "integer", description: "Förbund i registret som kan ha funnits den dagen (övre gräns bland registrerade förbund)." },
  member_kommuner_certain: { type: "integer", description: "Kommuner som säkert var medlemmar (en kommun räknas en gång)." },
  member_kommuner_possible: { type: "integer", description: "Kommuner som kan ha varit medlemmar (övre gräns)." },
  member_kommuner_unrecorded: { type: "integer", description: "Kommuner som registret inte vet något om den dagen (ingen registrerad period och ingen fullständig lista): kan vara medlemmar eller inte. Ingår i member_kommuner_possible." },
  complete_list: { type: "boolean", description: "Om en källa listar alla förbund i landet den dagen (t.ex. riksdagens Bilaga 4 i april 2015)." },
  ours_recorded: { type: "integer", description: "Vårt möjliga antal enligt de förbund och medlemskap som finns i registret." },
  kommuner_without_certain: { type: "integer", description: "Kommuner som säkert inte var med i något förbund (= 290 − möjliga medlemmar)." },
  share_pop_16_64_certain: { type: "number", description: "Andel av befolkningen 16–64 år som bor i säkra medlemskommuner (0–1); tomt om befolkningen saknas för året." },
  share_pop_16_64_possible: { type: "number", description: "Andel av befolkningen 16–64 år i möjliga medlemskommuner (övre gräns, 0–1)." },
  spells_exact: { type: "integer", description: "Medlemskap som källorna bevisar gällde den dagen." },
  spells_bounded: { type: "integer", description: "Medlemskap som bara datumgränser tillåter den dagen (osäkra)." },
  membership: { type: "string", description: "certain = alla medlemmar det året är belagda; bounded = minst en medlem är bara möjlig (datumgräns från en ögonblicksbild).", enum: areaMembershipEnum.options },
  members: { type: "integer", description: "Antal medlemmar i förbundsområdet det året (säkra och möjliga)." },
  members_possible_only: { type: "integer", description: "Antal medlemmar som bara är möjliga det året." },
  member_status: { type: "string", description: "certain = belagt den 31 december; possible = tillåtet av datumgränserna men inte belagt.", enum: memberStatusEnum.options },
  weight_total: { type: "number", description: "Summan av vikterna (befolkning) över medlemmarna; tomt för summor." },
  missing_codes: { type: "string", description: "Medlemskommuner som saknar värde eller vikt det året (semikolonseparerade)." },
  // ---- deltagare (participants, insatser, results, money) ----
  measure_label: { type: "string", description: "Måttets namn i klartext." },
  definition: { type: "string", description: "Vad måttet räknar, med källans avgränsning; två mått med olika definition är aldrig samma serie." },
  period_printed: { type: "string", description: "Perioden, året eller datumet som källan anger det (med insamlarens anmärkning där en finns, t.ex. uttagsdatum)." },
  publisher: { type: "string", description: "Utgivaren av sidan eller rapporten där siffran står." },
  source_url: { type: "string", description: "Adressen där siffran lästes; tomt för tryckta rapporter (se source_file och note)." },
  source_file: { type: "string", description: "Tabellen i projektets underlag som siffran importerades från." },
  source_row: { type: "integer", description: "Raden i den tabellen (rubrikraden = 1)." },
  // ---- the trials before Finsam (FINSAM 1993–1997, SOCSAM 1994–2003) ----
  precision: { type: "string", description: "Hur exakt källan anger datumet: year (bara år), season (en årstid, lagrad som år-månad), month (år och månad) eller day (dag). Ett år betyder inte 1 januari.", enum: ["year", "season", "month", "day"] },
  precision_printed: { type: "string", description: "Källans egna ord om tidpunkten där de finns, t.ex. halvårsskiftet eller hösten 1999." },
  scheme: { type: "string", description: "Samordningsform eller försök: FINSAM, SOCSAM, FRISAM, FAROS, RESAM m.fl." },
  area: { type: "string", description: "Försöksområde eller annan plats som källan anger; Nationellt = hela landet." },
  event: { type: "string", description: "Händelsen med källans ord." },
  seed: { type: "string", description: "Källdokument (projektets underlag): 000 = SOCSAM-lägesrapporten 1999, 001 = Gotlandsstudien 2001, 002 = Haninge-PM 2002, 004 = Fridolf (CEFOS 2003); flera skiljs med semikolon." },
  source_lines: { type: "string", description: "Radnummer i källdokumentets textversion där uppgiften står; flera skiljs med semikolon (i samma ordning som seed)." },
  area_type: { type: "string", description: "Slag av område: kommun, kommundel eller stadsdel." },
  project_name: { type: "string", description: "Försökets projektnamn som källan anger det." },
  leadership_form: { type: "string", description: "Ledningsorgan: beställarförbund eller kommunal nämnd." },
  start_printed: { type: "string", description: "Start med källans ord." },
  start: { type: "string", description: "Start i den precision källan anger (YYYY, YYYY-MM eller YYYY-MM-DD); se start_precision." },
  start_precision: { type: "string", description: "Precisionen i start: year, season, month eller day.", enum: ["year", "season", "month", "day"] },
  end_printed: { type: "string", description: "Slut med källans ord (på engelska där underlaget sammanfattar; se seed)." },
  end: { type: "string", description: "Slutdag där källan anger en dag (YYYY-MM-DD); tomt = ingen slutdag angiven." },
  result_1998_tkr: { type: "number", description: "Finansiellt resultat 1998 i tkr enligt Tabell 1 (negativt = underskott)." },
  ram_1998_tkr: { type: "number", description: "Finansiell ram 1998 i tkr enligt Tabell 1." },
  result_1997_printed: { type: "string", description: "Resultatet 1997 så som löptexten beskriver det (ingen tabell finns för 1997)." },
  later_foerbund_printed: { type: "string", description: "Vad underlaget säger om ett senare samordningsförbund i området; not stated = ingen källa säger det." },
  lan_printed: { type: "string", description: "Länet som källan skriver det (länsnamn från 1990-talet)." },
  kommun_printed: { type: "string", description: "Kommunen som källan skriver den." },
  period_start: { type: "string", description: "Periodens första dag, eller bara året där källan inte anger månad." },
  period_end: { type: "string", description: "Periodens sista dag, eller bara året där källan inte anger månad." },
  result_type: { type: "string", description: "Överskott eller underskott, med källans ord." },
  survey: { type: "string", description: "Enkäten: huvudmannaenkät (politiker), personalenkät eller medaktörsenkät." },
  respondent_group: { type: "string", description: "Gruppen som andelen gäller." },
  indicator: { type: "string", description: "Vad siffran avser." },
  category: { type: "string", description: "population = alla med ansvar eller kontakt; sample = urvalet; interviewed = intervjuade; interviewed_by_function = intervjuade efter funktion; named_in_annex = namngivna i bilaga 1." },
  description: { type: "string", description: "Gruppen med källans ord." },
  form: { type: "string", description: "Samordningsformen (Fridolfs beteckning)." },
  full_name: { type: "string", description: "Formens fullständiga namn." },
  legal_basis: { type: "string", description: "Lag eller proposition som källan hänvisar till." },
  form_status: { type: "string", description: "försök, pilot, permanent eller generell lagstiftning." },
  coordinates: { type: "string", description: "Vad som samordnas (Fridolfs figur 1): verksamheter eller behovsgrupper." },
  resources: { type: "string", description: "Samordning av resurser, gemensam budget (figur 1): ja, nej eller nej/tveksamt.", enum: ["ja", "nej", "nej/tveksamt"] },
  financial: { type: "string", description: "Finansiell samordning (figur 2): ja, nej eller nej/tveksamt.", enum: ["ja", "nej", "nej/tveksamt"] },
  political: { type: "string", description: "Politisk samordning (figur 2): ja, nej eller nej/tveksamt.", enum: ["ja", "nej", "nej/tveksamt"] },
  legal_person: { type: "string", description: "Egen juridisk person: ja, nej eller nej/tveksamt.", enum: ["ja", "nej", "nej/tveksamt"] },
  resources_printed: { type: "string", description: "Cellen resources med källans ord (kan säga mer än ja eller nej)." },
  financial_printed: { type: "string", description: "Cellen financial med källans ord." },
  political_printed: { type: "string", description: "Cellen political med källans ord." },
  legal_person_printed: { type: "string", description: "Cellen legal_person med källans ord." },
  target_group: { type: "string", description: "Målgruppen med källans ord." },
  cited_source: { type: "string", description: "Källan som texten själv hänvisar till." },
  activity_type: { type: "string", description: "Slag av aktivitet med källans ord." },
  is_total: { type: "boolean", description: "true = raden är summan som källan anger." },
} satisfies Record<string, Omit<FieldDef, "name">>;

export type FieldName = keyof typeof defs;

export function field(name: FieldName, override: Partial<Omit<FieldDef, "name">> = {}): FieldDef {
  return { name, ...(defs[name] as Omit<FieldDef, "name">), ...override };
}

/** Columns of the event study (handelsestudie, handelsestudie-kommuner); kept apart so other additions merge cleanly. */
const eventStudyDefs = {
  indicator: { type: "string", description: "Nyckeltalets kortnamn (slug), t.ex. ohalsotal." },
  variant: { type: "string", description: "huvud = kommuner vars första medlemskap började ett känt kalenderår; placebo = samma kommuner med anslutningsåret flyttat 3 år tidigare, bara år före den verkliga anslutningen; bunden-tidigast / bunden-senast = även kommuner vars anslutning bara är känd som ett intervall, lagda på sitt tidigaste respektive senaste möjliga år." },
  weighting: { type: "string", description: "lika = varje kommun väger lika; befolkning = varje kommun vägd med sin befolkning året före anslutningen: invånare 16–64 år, för ekonomiskt bistånd alla invånare (samma regel som förbundsvärdena)." },
  event_time: { type: "integer", description: "År i förhållande till anslutningsåret (0 = året kommunen gick med; −1 är jämförelseåret och saknas därför)." },
  estimate: { type: "number", description: "Skattad skillnad i förändring från året före anslutningen: anslutna kommuner minus kommuner som ännu inte var med, i nyckeltalets enhet." },
  ci_low: { type: "number", description: "Nedre gräns för 95 % intervall (klusterbootstrap över kommuner, 999 dragningar, fast frö); tomt om för få dragningar gav ett värde." },
  ci_high: { type: "number", description: "Övre gräns för 95 % intervall; tomt som ci_low." },
  n_treated_kommuner: { type: "integer", description: "Antal anslutna kommuner som bidrar vid denna händelsetid." },
  n_control_kommuner: { type: "integer", description: "Antal olika jämförelsekommuner vid denna händelsetid (säkert inte med i något förbund)." },
  treatment_status: { type: "string", description: "ar-kant = första anslutningen ett känt kalenderår; intervall = bara känd mellan två år; start-obegransad = början okänd; aldrig-saker = bara möjliga medlemskap; utanfor-enligt-lista = inget medlemskap och utanför enligt en fullständig lista; okand = inget vet." },
  treatment_year: { type: "integer", description: "Anslutningsåret i huvudanalysen; tomt för kommuner som inte ingår där." },
  join_earliest: { type: "string", description: "Tidigaste möjliga dag för första medlemskapet (ISO); tomt = okänd." },
  join_latest: { type: "string", description: "Första dag kommunen säkert var medlem (ISO); tomt = aldrig säker." },
  control_last_year: { type: "integer", description: "Sista år kommunen säkert inte var med i något förbund och därför kan vara jämförelsekommun; tomt = aldrig." },
  bound_earliest_year: { type: "integer", description: "Året kommunen läggs på i bunden-tidigast." },
  bound_latest_year: { type: "integer", description: "Året kommunen läggs på i bunden-senast." },
  reason: { type: "string", description: "Varför kommunen har denna status, i ord." },
} satisfies Record<string, Omit<FieldDef, "name">>;

export type EventStudyFieldName = keyof typeof eventStudyDefs;

export function eventStudyField(name: EventStudyFieldName, override: Partial<Omit<FieldDef, "name">> = {}): FieldDef {
  return { name, ...(eventStudyDefs[name] as Omit<FieldDef, "name">), ...override };
}
