import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { compareDefaultChart } from "../../src/site/charts/catalog";
import { sourceText, standaloneChartSvg, wrapWords } from "../../src/site/charts/standalone";

describe("a chart as an image file of its own", () => {
  // The compare page's default chart, from the published data.
  const spec = compareDefaultChart();
  const svg = standaloneChartSvg(spec, "https://finsam-i-siffror.example");
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector("body > svg")!;
  const text = [...root.querySelectorAll(":scope > text")].map((t) => t.textContent ?? "").join("\n");

  it("is one SVG document with a namespace, a white background and no style element", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain("<style");
    expect(root.querySelector(":scope > rect")?.getAttribute("fill")).toBe("#ffffff");
    expect(root.querySelectorAll("svg svg").length + root.querySelectorAll(":scope > svg").length).toBeGreaterThan(0);
  });
  it("carries the chart's title, its source line and the site's name and address", () => {
    expect(text.replace(/\n/g, " ")).toContain(spec.title.split(" ").slice(0, 3).join(" "));
    expect(text).toContain("Finsam i siffror · https://finsam-i-siffror.example");
    expect(sourceText(spec)).toMatch(/^Källa/);
    expect(text.replace(/\n/g, " ")).toContain(`Data: ${spec.datasets.join(", ")}.`);
  });
  it("draws its text at the page's size, not Plot's 10 px", () => {
    expect(root.querySelector(":scope > svg")?.getAttribute("font-size")).toBe("13");
  });
});

describe("wrapping words", () => {
  it("keeps lines within the limit and every word", () => {
    expect(wrapWords("Ohälsotal i Stockholm, Göteborg och riket", 20)).toEqual(["Ohälsotal i", "Stockholm, Göteborg", "och riket"]);
    expect(wrapWords("ettmycketlångtord kort", 5)).toEqual(["ettmycketlångtord", "kort"]);
  });
});
