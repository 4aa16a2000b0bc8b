/**
 * The one dictionary of published columns. Every resource in datapackage.json
 * and every row of the codebook is generated from these definitions.
 */
export type FieldType = "string" | "integer" | "number" | "boolean";

export interface FieldDef {
  name: string;
  type: FieldType;
  description: string;
  /** Unit of a measurement column; set per resource where it depends on the indicator. */
  unit?: string;
  /** Allowed values, where the column is a code list. */
  enum?: readonly string[];
}

const defs = {
  kpi: { type: "string", description: "Kolada-nyckeltalets id, t.ex. N00957." },
  level: { type: "string", description: "Områdesnivå: kommun, lan (län) eller riket.", enum: ["kommun", "lan", "riket"] },
  code: { type: "string", description: "Områdeskod som text: kommunkod (4 tecken, t.ex. 0114), länskod (2 tecken, t.ex. 01) eller 00 för riket." },
  name: { type: "string", description: "Områdets namn." },
  kommunkod: { type: "string", description: "Kommunkod, 4 tecken (t.ex. 0114). Läses alltid som text så att inledande nolla behålls." },
  lanskod: { type: "string", description: "Länskod, 2 tecken (t.ex. 01)." },
  lan_name: { type: "string", description: "Länets namn." },
  year: { type: "integer", description: "År (för befolkning: den 31 december; för årsmedelvärden: kalenderåret)." },
  sex: { type: "string", description: "Kön: T = totalt, K = kvinnor, M = män.", enum: ["T", "K", "M"] },
  value: { type: "number", description: "Värdet. Tomt när värde saknas; se status. Ett saknat värde är aldrig 0." },
  status: {
    type: "string",
    description:
      "Värdets status: published = som publicerat; not_published = källan har inget värde för området detta år; source_defect = källans värde är en platshållare och används inte (se note); derived = härlett av oss (se metod); not_available = kan inte härledas eftersom en del saknas; aggregated = sammanvägt från kommunerna; incomplete = någon medlemskommun saknar värde, därför inget sammanvägt värde.",
    enum: ["published", "not_published", "source_defect", "derived", "not_available", "aggregated", "incomplete"],
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
} satisfies Record<string, Omit<FieldDef, "name">>;

export type FieldName = keyof typeof defs;

export function field(name: FieldName, override: Partial<Omit<FieldDef, "name" | "type">> = {}): FieldDef {
  return { name, ...(defs[name] as Omit<FieldDef, "name">), ...override };
}
