/**
 * A förbund page leads with its numbers: "I korthet" (members in the latest
 * proven state, and each indicator's latest value, year, rank among förbund
 * and change since the first year with a value) comes before the long
 * explanation of dating ("Medlemmar över tid"), and its figures are the
 * published dataset's. The expected values are recomputed here from
 * dist/data/forbund-indikatorer.json, not taken from the site's model.
 * Two förbund: Blekinge (founded on a stated day, 27 November 2006) and
 * Lekeberg och Örebro (founded "no later than April 2015", a bound).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { DIST, requireBuiltSite } from "../../scripts/lib/dist-pages";
import { formatNumber, roundHalfUp } from "../../src/site/format";
import { measure } from "../../src/site/measures";

requireBuiltSite();

interface Row {
  foerbund_id: string;
  kpi: string;
  year: number;
  sex: string;
  value: number | null;
}
const rows = (JSON.parse(readFileSync(join(DIST, "data/forbund-indikatorer.json"), "utf8")) as Row[]).filter((r) => r.sex === "T" && r.value !== null);
/** The förbund page's indicators in page order, with each one's KPI and shown decimals (the definitions, not values). */
const MEASURES = Object.fromEntries(["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor"].map((slug) => [slug, { kpi: measure(slug).kpi!, decimals: measure(slug).decimals }]));

/** Expected latest value, year, place and change, straight from the dataset. */
function expected(id: string, kpi: string, decimals: number) {
  const own = rows.filter((r) => r.foerbund_id === id && r.kpi === kpi).sort((a, b) => a.year - b.year);
  const last = own[own.length - 1]!;
  const first = own[0]!;
  const inYear = rows.filter((r) => r.kpi === kpi && r.year === last.year);
  const shown = (v: number) => roundHalfUp(v, decimals);
  // The site's ranking rule (README): compared as shown, highest first, equal shown values share a place.
  const place = 1 + inYear.filter((r) => shown(r.value!) > shown(last.value!)).length;
  const tied = inYear.filter((r) => shown(r.value!) === shown(last.value!)).length - 1;
  const of = inYear.length;
  const rank = `${place === 1 ? `högst av ${of}` : place + tied === of ? `lägst av ${of}` : `plats ${place} av ${of}`}${tied > 0 ? " (delad)" : ""}`;
  // The change is the rounded difference of the unrounded values (twelve significant digits against float noise).
  const change = roundHalfUp(Number((last.value! - first.value!).toPrecision(12)), decimals);
  const changeText = change > 0 ? `+${formatNumber(change, decimals)}` : change === 0 ? `±${formatNumber(0, decimals)}` : formatNumber(change, decimals);
  return { year: last.year, value: formatNumber(last.value!, decimals), rank, firstYear: first.year, changeText };
}

function page(id: string) {
  const html = readFileSync(join(DIST, "forbund", id, "index.html"), "utf8");
  return { html, document: parseHTML(html).document };
}

describe.each([
  { id: "blekinge", since: /Samma medlemmar sedan förbundet bildades 27 november 2006\./, bounded: false },
  { id: "finsam-lekeberg-och-orebro", since: /senast april 2015 \(källorna anger bara en gräns\)/, bounded: true },
])("förbund page $id leads with its numbers", ({ id, since, bounded }) => {
  const { html, document } = page(id);

  it("shows the key figures before the explanation of dating, beside the map", () => {
    const brief = html.indexOf('id="i-korthet"');
    const table = html.indexOf('data-key="indicators"');
    const map = html.indexOf('class="chart area-map"');
    const dating = html.indexOf('id="medlemmar-over-tid"');
    expect(brief).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(brief);
    expect(map).toBeGreaterThan(brief);
    expect(dating).toBeGreaterThan(Math.max(table, map));
    // Screen readers get a list and a table, not a grid of divs.
    expect(document.querySelector("dl.key-facts [data-key='members']")).not.toBeNull();
    expect(document.querySelector("table[data-key='indicators'] caption")?.textContent).toMatch(/^Senaste värden för /);
  });

  it("says the members' latest proven state, when it holds from and its source", () => {
    const members = document.querySelector("[data-key='members']")!.textContent!.replace(/\s+/g, " ").trim();
    expect(members).toMatch(/^\d+ medlemmar, belagda i april 2015: /);
    expect(members).toMatch(/Källa: /);
    expect(document.querySelector("[data-key='members'] a[href^='#kalla-']")).not.toBeNull();
    expect(document.querySelector("[data-key='since']")!.textContent).toMatch(since);
    const startNote = document.querySelector("[data-key='start-note']")?.textContent ?? "";
    if (bounded) expect(startNote).toMatch(/^Förbundet bildades senast april 2015; källorna anger bara en gräns\. Förändringen räknas därför från det första året området har ett värde: 2004 för ohälsotal/);
    else expect(startNote).toBe("");
  });

  it("has each indicator's latest value, year, rank among förbund and change as published", () => {
    const trs = [...document.querySelectorAll("table[data-key='indicators'] tbody tr")];
    expect(trs.map((tr) => tr.getAttribute("data-measure"))).toEqual(Object.keys(MEASURES));
    for (const tr of trs) {
      const slug = tr.getAttribute("data-measure")!;
      const m = MEASURES[slug]!;
      const e = expected(id, m.kpi, m.decimals);
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent!.replace(/\s+/g, " ").trim());
      expect(cells[0], slug).toBe(String(e.year));
      expect(cells[1]!.startsWith(e.value), `${slug}: ${cells[1]} vs ${e.value}`).toBe(true);
      expect(cells[2], slug).toBe(e.rank);
      expect(cells[3]!.startsWith(e.changeText), `${slug}: ${cells[3]} vs ${e.changeText}`).toBe(true);
      expect(cells[3], slug).toContain(`sedan ${e.firstYear}`);
    }
  });

  it("offers each förbund chart's embed page, image file and CSV", () => {
    const figures = [...document.querySelectorAll("figure.chart[data-chart-id]")].map((f) => f.getAttribute("data-chart-id")!).filter((c) => c.startsWith(`forbund-${id}-`));
    expect(figures.length).toBe(Object.keys(MEASURES).length);
    for (const c of figures) {
      expect(html).toContain(`href="/diagram/${c}.csv"`);
      expect(html).toContain(`href="/diagram/${c}.svg"`);
      expect(html).toContain(`&lt;iframe src=&quot;https://finsam-i-siffror.example/diagram/${c}/&quot;`);
    }
  });
});
