/**
 * What the Kolada source promises: for each KPI, the years it covers every
 * kommun (per sex), and the kommun values it is known not to publish. A value
 * missing outside this list means a cut or edited file, and stops the import
 * and the data step (a deleted kommun is caught, not only a short file).
 *
 * The years and gaps were read from the archive (open-numbers/ddf--kolada--dump
 * @ 8501d5c, see kolada/MANIFEST.md "Coverage gaps") and checked one by one.
 * When the publisher's coverage changes, re-import and update this list.
 */
import type { IndicatorValue, Sex } from "./schema";

/** KPI → sex → [first, last] year in which every kommun has a value (apart from KNOWN_GAPS). */
export const KOLADA_COVERAGE: Readonly<Record<string, Partial<Record<Sex, readonly [number, number]>>>> = {
  N00938: { T: [1998, 2022], K: [1998, 2022], M: [1998, 2022] },
  N00957: { T: [2001, 2022], K: [2001, 2022], M: [2001, 2022] },
  N01951: { T: [1994, 2022], K: [1994, 2022], M: [1994, 2022] },
  N01954: { T: [1995, 2022], K: [1995, 2022], M: [1995, 2022] },
  N01955: { T: [1995, 2022], K: [1995, 2022], M: [1995, 2022] },
  N02797: { T: [2008, 2022], K: [2007, 2022], M: [2007, 2022] },
  N03920: { T: [2010, 2022], K: [2010, 2022], M: [2010, 2022] },
  N03921: { T: [2010, 2022], K: [2010, 2022], M: [2010, 2022] },
  N03926: { T: [2010, 2022], K: [2010, 2022], M: [2010, 2022] },
  N31807: { T: [1994, 2022] },
};

const KNIVSTA = "Knivsta kommun (0330) bildades 2003 ur Uppsala kommun.";
const NYKVARN = "Nykvarns kommun (0140) bildades 1999 ur Södertälje kommun.";
const HEBY = "Heby (0331) hade kommunkod 1917 före 2007; Kolada har inte flyttat de äldre värdena till 0331.";
const EMPTY = "Kolada publicerar inget värde för kommunen detta år.";

/** "KPI kommun sexes years" (years: 2012-2014 or a comma list), with the reason. */
const GAPS: ReadonlyArray<readonly [string, string]> = [
  ["N00938 0330 TKM 1998-2002", KNIVSTA],
  ["N00938 0331 TKM 1998-2006", HEBY],
  ["N00957 0330 TKM 2001-2002", KNIVSTA],
  ["N01951 0140 TKM 1994-1997", NYKVARN],
  ["N01951 0330 TKM 1994-2001", KNIVSTA],
  ["N01954 0140 TKM 1995-1997", NYKVARN],
  ["N01954 0330 TKM 1995-2001", KNIVSTA],
  ["N01955 0140 TKM 1995-1997", NYKVARN],
  ["N01955 0330 TKM 1995-2001", KNIVSTA],
  ["N31807 0140 T 1994-1998", NYKVARN],
  ["N31807 0330 T 1994-2002", KNIVSTA],
  ...[
    "N02797 2417 KM 2021", "N02797 2418 KM 2021", "N02797 2422 KM 2021",
    "N31807 0114 T 2013-2014", "N31807 0115 T 2013", "N31807 0127 T 2012-2014", "N31807 0160 T 1994", "N31807 0184 T 2012",
    "N31807 0192 T 2012,2016,2022", "N31807 0331 T 2021", "N31807 0481 T 2020", "N31807 0488 T 1995", "N31807 0761 T 1998",
    "N31807 0781 T 2019", "N31807 0821 T 1994,2012-2015", "N31807 0860 T 1996", "N31807 0861 T 2011", "N31807 1231 T 2017",
    "N31807 1233 T 2017,2020", "N31807 1267 T 1998", "N31807 1275 T 2022", "N31807 1383 T 1998", "N31807 1401 T 1995",
    "N31807 1415 T 1994", "N31807 1427 T 1997", "N31807 1438 T 2011", "N31807 1439 T 2011,2019", "N31807 1443 T 1994",
    "N31807 1462 T 1994", "N31807 1489 T 1994", "N31807 1493 T 1994", "N31807 1499 T 2017", "N31807 1760 T 2016",
    "N31807 1762 T 2004,2011", "N31807 1764 T 2011", "N31807 1814 T 1994", "N31807 1904 T 2016", "N31807 1960 T 2017",
    "N31807 1962 T 2004", "N31807 2029 T 2016", "N31807 2085 T 2004", "N31807 2180 T 1997", "N31807 2184 T 1994",
    "N31807 2280 T 1996", "N31807 2281 T 2020", "N31807 2284 T 1995", "N31807 2361 T 2000", "N31807 2401 T 2022",
    "N31807 2404 T 2012,2014", "N31807 2417 T 2019-2020", "N31807 2421 T 2019", "N31807 2425 T 2014", "N31807 2481 T 2012-2014",
    "N31807 2510 T 1999", "N31807 2513 T 1999", "N31807 2514 T 2022", "N31807 2582 T 2012", "N31807 2584 T 1999",
  ].map((g) => [g, EMPTY] as const),
];

/** "KPI|kommun|year|sex" → why the source has no value there. */
export const KNOWN_GAPS: ReadonlyMap<string, string> = new Map(
  GAPS.flatMap(([spec, reason]) => {
    const [kpi, kommun, sexes, years] = spec.split(" ") as [string, string, string, string];
    const list = years.split(",").flatMap((part) => {
      const [from, to = from] = part.split("-").map(Number) as [number, number?];
      return Array.from({ length: to! - from + 1 }, (_, i) => from + i);
    });
    return list.flatMap((year) => [...sexes].map((sex) => [`${kpi}|${kommun}|${year}|${sex}`, reason] as const));
  }),
);

/** What a source promises: years per KPI and sex, the known gaps, and (for test fixtures) which kommuner; default all. */
export interface CoverageSpec {
  years: Readonly<Record<string, Partial<Record<Sex, readonly [number, number]>>>>;
  gaps: ReadonlyMap<string, string>;
  kommuner?: readonly string[];
}
export const KOLADA_SOURCE_COVERAGE: CoverageSpec = { years: KOLADA_COVERAGE, gaps: KNOWN_GAPS };

/**
 * The first kommun × year × sex the source promises but `values` lacks, or
 * null when complete. A KPI without a coverage entry (the benchmark's
 * generated ones) is not checked.
 */
export function firstMissingKommunValue(
  kpi: string,
  values: readonly IndicatorValue[],
  kommunCodes: readonly string[],
  spec: CoverageSpec = KOLADA_SOURCE_COVERAGE,
): { code: string; year: number; sex: Sex; reason: string } | null {
  const coverage = spec.years[kpi];
  if (!coverage) return null;
  // Per kommun, its years and sexes as numbers (year * 3 + sex): no string per value.
  const have = new Map<string, Set<number>>();
  for (const v of values) {
    if (v.level !== "kommun") continue;
    let years = have.get(v.code);
    if (!years) have.set(v.code, (years = new Set()));
    years.add(v.year * 3 + SEX_NUMBER[v.sex]);
  }
  for (const [sex, range] of Object.entries(coverage) as Array<[Sex, readonly [number, number]]>)
    for (let year = range[0]; year <= range[1]; year++)
      for (const code of spec.kommuner ?? kommunCodes)
        if (!have.get(code)?.has(year * 3 + SEX_NUMBER[sex]) && !spec.gaps.has(`${kpi}|${code}|${year}|${sex}`))
          return { code, year, sex, reason: `the source covers every kommun ${range[0]}–${range[1]} (sex ${sex}), but this kommun has no value for ${year}` };
  return null;
}

const SEX_NUMBER: Record<Sex, number> = { T: 0, K: 1, M: 2 };
