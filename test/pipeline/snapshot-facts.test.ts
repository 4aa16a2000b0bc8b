/** Facts about the committed snapshot (data/snapshot), checked against published figures. */
import { beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";

let snapshot: Snapshot;
beforeAll(() => {
  snapshot = loadSnapshot("data/snapshot");
});

const value = (kpi: string, level: string, code: string, year: number, sex = "T") =>
  snapshot.values.get(kpi)!.find((v) => v.level === level && v.code === code && v.year === year && v.sex === sex)?.value;

/** Kommuner that did not exist yet or were published under another code. */
const KNIVSTA = "0330"; // formed 2003-01-01 from Uppsala
const NYKVARN = "0140"; // formed 1999-01-01 from Södertälje
const HEBY = "0331"; // kommunkod 1917 until 2007; Kolada did not remap N00938 before 2007
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const EXPECTED_GAPS: Record<string, Record<number, string[]>> = {
  N00957: { 2001: [KNIVSTA], 2002: [KNIVSTA] },
  N00938: Object.fromEntries(range(1998, 2006).map((y) => [y, y <= 2002 ? [KNIVSTA, HEBY] : [HEBY]])),
  N03920: {},
  N03921: {},
  // Älvsbyn 2021: Kolada publishes T = 0 while K = 4.21 and M = 4.18, kept as a source_defect without a value.
  N03926: { 2021: ["2560"] },
  N02797: {},
  N01951: Object.fromEntries(range(1994, 2001).map((y) => [y, y <= 1997 ? [NYKVARN, KNIVSTA] : [KNIVSTA]])),
  N01954: Object.fromEntries(range(1995, 2001).map((y) => [y, y <= 1997 ? [NYKVARN, KNIVSTA] : [KNIVSTA]])),
  N01955: Object.fromEntries(range(1995, 2001).map((y) => [y, y <= 1997 ? [NYKVARN, KNIVSTA] : [KNIVSTA]])),
};

describe("the snapshot", () => {
  it("has 290 kommuner with 4-character codes and 21 län", () => {
    expect(snapshot.kommuner).toHaveLength(290);
    expect(snapshot.kommuner.every((k) => /^\d{4}$/.test(k.kommunkod))).toBe(true);
    expect(snapshot.kommuner.find((k) => k.kommunkod === "0114")?.name).toBe("Upplands Väsby");
    expect(snapshot.lan).toHaveLength(21);
    expect(snapshot.lan.find((l) => l.lanskod === "01")?.name).toBe("Stockholms län");
  });

  it("publishes all 290 kommuner every year, except kommuner that did not yet exist under their code", () => {
    const all = snapshot.kommuner.map((k) => k.kommunkod);
    for (const [kpi, gaps] of Object.entries(EXPECTED_GAPS)) {
      const years = new Map<number, Set<string>>();
      for (const v of snapshot.values.get(kpi)!) {
        if (v.level !== "kommun" || v.sex !== "T" || v.value === null) continue;
        if (!years.has(v.year)) years.set(v.year, new Set());
        years.get(v.year)!.add(v.code);
      }
      expect(years.size, kpi).toBeGreaterThan(10);
      for (const [year, codes] of years) {
        const missing = all.filter((c) => !codes.has(c)).sort();
        expect({ kpi, year, missing }).toEqual({ kpi, year, missing: [...(gaps[year] ?? [])].sort() });
      }
    }
  });

  it("has ekonomiskt bistånd for at least 279 kommuner every year (Socialstyrelsen's own gaps)", () => {
    const counts = new Map<number, number>();
    for (const v of snapshot.values.get("N31807")!) if (v.level === "kommun" && v.value !== null) counts.set(v.year, (counts.get(v.year) ?? 0) + 1);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(279);
  });

  it("reproduces published national figures", () => {
    expect(value("N00957", "riket", "00", 2009)).toBe(32.8); // Försäkringskassan, press release 2010-01-20
    expect(value("N00957", "riket", "00", 2009, "K")).toBe(39.1);
    expect(value("N00957", "riket", "00", 2009, "M")).toBe(26.7);
    expect(value("N00957", "riket", "00", 2022)).toBe(22);
    expect(value("N00957", "kommun", "1864", 2017)).toBe(45.3); // Ljusnarsberg, Arbetet 2018-02-19
    expect(value("N01951", "riket", "00", 2015)).toBe(9851017); // = SCB BefolkningNy 2015
  });

  it("keeps the known placeholder as a visible source defect, never as 0", () => {
    const defects = snapshot.values.get("N02797")!.filter((v) => v.status === "source_defect");
    expect(defects.map((d) => `${d.code} ${d.year} ${d.sex} ${d.value}`)).toEqual(["00 2007 K null", "00 2007 M null"]);
    expect(defects.every((d) => d.note.length > 20)).toBe(true);
  });

  it("keeps every printed figure next to its value and source line", () => {
    const t01 = snapshot.printed.get("T01")!;
    const count2013 = t01.find((f) => f.period === "2013" && f.measure === "antal_samordningsforbund");
    expect(count2013).toMatchObject({ value: 83, value_printed: "83", source_line: 980 });
    const t17 = snapshot.printed.get("T17")!.find((f) => f.period === "2007" && f.measure === "utfall");
    expect(t17).toMatchObject({ value: 163.6, value_printed: "163,6", unit: "MSEK" });
    const dash = snapshot.printed.get("T17")!.find((f) => f.period === "2005" && f.measure === "tilldelade_medel");
    expect(dash).toMatchObject({ value: null, value_printed: "–" });
    for (const id of ["T01", "T03", "T04", "T09", "T11", "T12", "T13", "T14", "T17", "SOCSAM-T1"]) expect(snapshot.printed.get(id)?.length, id).toBeGreaterThan(0);
    const hyllie = snapshot.printed.get("SOCSAM-T1")!.find((f) => f.breakdown === "Hyllie" && f.measure === "Resultat som andel av ramen");
    expect(hyllie).toMatchObject({ value: -0.02, value_printed: "-0.02" });
  });

  it("has a boundary for every kommun and län in the topology", () => {
    const topo = snapshot.topology as unknown as { objects: Record<string, { geometries: { id: string }[] }> };
    expect(topo.objects.kommuner!.geometries.map((g) => g.id).sort()).toEqual(snapshot.kommuner.map((k) => k.kommunkod).sort());
    expect(topo.objects.lan!.geometries).toHaveLength(21);
  });

  it("records provenance with checksums for every snapshot file", () => {
    for (const [source, p] of snapshot.provenance) {
      expect(p.files.length, source).toBeGreaterThan(0);
      for (const f of p.files) expect(f.from.every((x) => /^[0-9a-f]{64}$/.test(x.sha256))).toBe(true);
    }
    expect(snapshot.indicatorMeta.get("N00957")).toMatchObject({ title: "Ohälsotal, dagar", publisher: "Försäkringskassan" });
  });
});

describe("the Bilaga 2 tables about single förbund", () => {
  const rows = (table: string) => snapshot.foerbundTables.get(table)!.rows;
  const sum = (xs: Array<{ value: number | null }>) => xs.reduce((s, x) => s + (x.value ?? 0), 0);

  it("holds all ten tables, 331 cells, each tied to a förbund", () => {
    expect([...snapshot.foerbundTables.keys()]).toEqual(["B2-08", "B2-08b", "B2-09", "B2-10", "B2-11", "B2-12", "B2-13", "B2-14", "B2-15", "B2-16"]);
    expect([...snapshot.foerbundTables.values()].reduce((n, t) => n + t.rows.length, 0)).toBe(331);
  });
  it("Kalmar's 2015 projects add up to the printed total of 14 320 500 kr (B2-14)", () => {
    const b214 = rows("B2-14");
    expect(b214.find((r) => r.activity === "Totalt")!.value).toBe(14_320_500);
    expect(sum(b214.filter((r) => r.activity !== "Totalt"))).toBe(14_320_500);
  });
  it("Delta's 2015 budget lines add up to the printed 25 000 tkr (B2-12)", () => {
    const b212 = rows("B2-12");
    expect(b212.find((r) => r.activity === "Totalt")!.value).toBe(25_000);
    expect(sum(b212.filter((r) => r.activity !== "Totalt"))).toBe(25_000);
  });
  it("Göteborg Nordost's Summa row equals the sum of its activities, blank cells left blank (B2-10)", () => {
    const counts = rows("B2-10").filter((r) => r.measure.startsWith("antal_avslutade"));
    const keys = new Set(counts.filter((r) => r.activity === "Summa").map((r) => `${r.measure}|${r.breakdown}`));
    expect(keys.size).toBe(7);
    for (const key of keys) {
      const [measure, breakdown] = key.split("|");
      const cells = counts.filter((r) => r.measure === measure && r.breakdown === breakdown);
      expect(sum(cells.filter((r) => r.activity !== "Summa")), key).toBe(cells.find((r) => r.activity === "Summa")!.value);
    }
    expect(rows("B2-10").filter((r) => r.value === null).every((r) => r.note.startsWith("Tom ruta"))).toBe(true);
  });
});
