import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { NARROW_WIDTH, renderLineChartMarkup, renderLineChartSvg, roundSvgNumbers } from "../../src/site/charts/render";
import { chartCsv, chartTable, type ChartSpec } from "../../src/site/charts/spec";

const spec: ChartSpec = {
  id: "test-gap",
  title: "Test med lucka",
  measure: { name: "Ohälsotal", unit: "dagar per invånare 16–64 år", shortUnit: "dagar", decimals: 1 },
  series: [
    { key: "a", name: "Område A", role: "focus", points: [2001, 2002, 2003, 2004, 2005].map((year, i) => ({ year, value: [10.5, 12, null, 14, 13.25][i]! })) },
    { key: "b", name: "Riket", role: "reference", points: [2001, 2002, 2003, 2004, 2005].map((year, i) => ({ year, value: [null, 20, null, 22, null][i]! })) },
  ],
  datasets: ["ohalsotal"],
  lead: "Ohälsotalet i Område A",
};

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelector("svg")!;
}

describe("build-time chart SVG", () => {
  const svg = renderLineChartSvg(spec);
  const el = parse(svg);

  it("renders an <svg> image with a label and a description", () => {
    expect(el).toBeTruthy();
    expect(el.getAttribute("role")).toBe("img");
    expect(el.getAttribute("aria-label")).toContain("Test med lucka");
    expect(el.getAttribute("aria-description")).toContain("Ohälsotalet i Område A steg från 10,5");
  });

  it("has no NaN or undefined anywhere", () => {
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("draws a gap for a missing value: the line splits into separate pieces", () => {
    const paths = [...el.querySelectorAll('g[stroke="#1d4f91"] path')];
    expect(paths.length).toBe(1);
    const d = paths[0]!.getAttribute("d")!;
    // Two runs (2001–2002 and 2004–2005): two move-to commands.
    expect(d.match(/M/g)!.length).toBe(2);
  });

  it("marks a lone value between gaps with a dot, since a line cannot show it", () => {
    // Riket has 2002 and 2004 only, each alone.
    expect(el.querySelectorAll("circle").length).toBe(2);
  });

  it("uses Swedish formatting on axes, whole years on the x axis", () => {
    const labels = [...el.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toContain("2001");
    expect(labels.some((l) => /^\d \d{3}$/.test(l ?? ""))).toBe(false);
    expect(labels.some((l) => /\d\.\d/.test(l ?? ""))).toBe(false);
  });

  it("carries no per-chart <style> (global.css holds those rules)", () => {
    expect(svg).not.toContain("<style");
  });

  it("rounds coordinates in attributes only", () => {
    expect(roundSvgNumbers('<path d="M1.23456,2.5L3.14159,4"/><text>1.23456</text>')).toBe('<path d="M1.2,2.5L3.1,4"/><text>1.23456</text>');
  });
});

describe("chart table and CSV", () => {
  it("have the same rows, with empty cells (never 0) for missing values", () => {
    const table = chartTable(spec);
    expect(table.columns).toEqual(["Område A", "Riket"]);
    expect(table.rows.map((r) => r.period)).toEqual(["2001", "2002", "2003", "2004", "2005"]);
    const csv = chartCsv(spec).trimEnd().split("\n");
    expect(csv[0]).toBe("period,Område A,Riket");
    expect(csv.slice(1)).toEqual(["2001,10.5,", "2002,12,20", "2003,,", "2004,14,22", "2005,13.25,"]);
  });
});

describe("a wide and a narrow drawing of each chart", () => {
  const { document } = parseHTML(`<!doctype html><html><body><div>${renderLineChartMarkup(spec)}</div></body></html>`);
  const svgs = [...document.querySelectorAll("svg")];
  it("draws the chart twice, wide first, each a labelled image", () => {
    expect(svgs.map((s) => s.getAttribute("data-variant"))).toEqual(["wide", "narrow"]);
    expect(svgs.map((s) => s.getAttribute("width"))).toEqual(["680", String(NARROW_WIDTH)]);
    for (const s of svgs) expect(s.getAttribute("aria-label")).toContain("Test med lucka");
  });
  it("lays the narrow drawing out for its width (fewer year labels), not as a shrunk copy", () => {
    const years = (s: Element) => [...s.querySelectorAll("text")].map((t) => t.textContent).filter((t) => /^\d{4}$/.test(t ?? "")).length;
    expect(years(svgs[1]!)).toBeGreaterThan(0);
    expect(years(svgs[1]!)).toBeLessThanOrEqual(years(svgs[0]!));
    expect(Math.floor(NARROW_WIDTH / years(svgs[1]!))).toBeGreaterThanOrEqual(60);
  });
});

describe("a förbund area with bounded years (compare page)", () => {
  const bounded: ChartSpec = {
    ...spec,
    id: "test-bounded",
    series: [{ key: "f", name: "Förbund F", role: "focus", points: [2001, 2002, 2003].map((year, i) => ({ year, value: [10, 11, 12][i]!, bounded: i < 2 })) }],
  };
  const el = parse(renderLineChartSvg(bounded));
  it("draws segments touching a bounded year dashed, and those years as hollow points", () => {
    const dashed = [...el.querySelectorAll("[stroke-dasharray]")].filter((e) => e.getAttribute("stroke-dasharray") === "5 4");
    expect(dashed.length).toBeGreaterThan(0);
    const hollow = [...el.querySelectorAll("circle")].filter((c) => (c.getAttribute("fill") ?? c.parentElement?.getAttribute("fill")) === "white");
    expect(hollow.length).toBe(2);
  });
});
