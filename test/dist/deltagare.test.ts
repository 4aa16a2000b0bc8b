/**
 * The built /deltagare/ page (dist/, built by `npm test`'s pretest step):
 * its text shows the published deltagare 2017–2021 with their sources, the
 * year pages link to their row, and the navigation reaches the page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

const DIST = join(process.cwd(), "dist");
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;
const text = (el: Element | null) => (el?.textContent ?? "").replace(/[\u00a0\s]+/g, " ");

describe("/deltagare/ as built", () => {
  const doc = page("deltagare");

  it.each([
    [2017, "28 381", "finsam.se"],
    [2018, "32 715", "finsam.se"],
    [2019, "31 167", "finsam.se"],
    [2020, "24 867", "Arbetsförmedlingen"],
    [2021, "24 102", "finsam.se"],
  ])("shows deltagare %i = %s with its source", (year, value, publisher) => {
    const section = text(doc.getElementById(`ar-${year}`));
    expect(section).toContain(value);
    expect(section).toContain(publisher);
  });

  it("says on the results chart how much SUS sees (2014: 17 079 of 39 009 = 44 %)", () => {
    expect(text(doc.getElementById("diagram-deltagare-till-arbete-eller-studier"))).toContain("2014 44 % (17 079 av 39 009)");
  });

  it("is linked from the navigation, the start page and the year pages", () => {
    expect(page("").querySelector('header a[href="/deltagare/"], nav a[href="/deltagare/"]')).not.toBeNull();
    expect(page("").querySelector('main a[href="/deltagare/"]')).not.toBeNull();
    expect(page("ar/2017").querySelector('a[href="/deltagare/#ar-2017"]')).not.toBeNull();
  });

  it("says what Kolada's Deltagarbedömning Finsam (U40460–U40469) is and that it is not fetched yet: ids and documented titles, no numbers", () => {
    const heading = doc.getElementById("deltagarbedomning");
    expect(heading?.tagName).toBe("H2");
    let section = "";
    for (let el = heading?.nextElementSibling ?? null; el && el.tagName !== "H2"; el = el.nextElementSibling) section += " " + text(el);
    expect(section).toContain("Webbplatsen har ännu inte hämtat några värden för de här nyckeltalen från Kolada API v3, så inga siffror visas.");
    for (const id of ["U40460", "U40461", "U40465", "U40469"]) expect(section).toContain(id);
    expect(section).toContain("U40460: Deltagarbedömning Finsam – Stöd är till stor nytta, andel (%)");
    expect(section).toContain("U40461: titeln är inte känd här");
    // No shares: the only digits are the KPI ids, "API v3" and "andel (%)".
    expect(section.replace(/U4046\d|API v3/g, "")).not.toMatch(/\d/);
  });
});
