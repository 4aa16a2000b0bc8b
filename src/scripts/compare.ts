/**
 * The compare page in the browser: one chart per chosen indicator (small
 * multiples), all with the same areas. Plot and the chart code load with
 * import() only when a chart is drawn; the series come from the small files
 * /jamfor/serier/<indicator>.json written at build time. The URL holds the
 * view, and only what differs from the default.
 */
import { areaIn, compareDatasets, compareQuery, compareSpec, knownAreas, parseCompareQuery, type CompareSeriesFile, type CompareState } from "../site/charts/compare";
import { chartCsv, chartTable, type ChartSpec } from "../site/charts/spec";
import { summarizeChart } from "../site/charts/summary";
import { escapeHtml, formatPeriod, joinSv, valueHtml } from "../site/format";

const form = document.getElementById("jamfor-form") as HTMLFormElement | null;
const charts = document.getElementById("jamfor-diagram");
const empty = document.getElementById("jamfor-tom");
// The build's figure is the template for every chart drawn here.
const template = charts?.querySelector<HTMLElement>("figure.chart")?.cloneNode(true) as HTMLElement | undefined;
const boxes = [...document.querySelectorAll<HTMLInputElement>('#jamfor-matt input[type="checkbox"]')];
const addSelect = document.getElementById("jamfor-lagg-till") as HTMLSelectElement | null;
const chosen = document.getElementById("jamfor-valda");
const status = document.getElementById("jamfor-status");
const max = Number(form?.dataset.max ?? 8);

const files = new Map<string, Promise<CompareSeriesFile>>();
function load(indicator: string): Promise<CompareSeriesFile> {
  let f = files.get(indicator);
  if (!f) {
    f = fetch(`/jamfor/serier/${indicator}.json`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))));
    files.set(indicator, f);
  }
  return f;
}

const validIndicators = boxes.map((b) => b.value);
const parsed = parseCompareQuery(location.search, validIndicators);
let state: CompareState = parsed.state;
/** What the URL asked for that the page dropped; said once, on the first drawing. */
let dropped: string[] = parsed.rejected;
const csvUrls = new Map<string, string>();

function say(text: string): void {
  if (status) status.textContent = text;
}

function renderChips(file: CompareSeriesFile): void {
  if (!chosen) return;
  chosen.replaceChildren(
    ...state.areas.map((code) => {
      const li = document.createElement("li");
      const name = areaIn(file, code)?.name ?? code;
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = `${name} ✕`;
      b.setAttribute("aria-label", `Ta bort ${name}`);
      b.addEventListener("click", () => {
        state = { ...state, areas: state.areas.filter((c) => c !== code) };
        void update(`${name} borttagen.`);
      });
      li.append(b);
      return li;
    }),
  );
}

/** One figure per indicator, in the order of the check boxes; extra figures removed. */
function figuresFor(count: number): HTMLElement[] {
  if (!charts || !template) return [];
  const figs = [...charts.querySelectorAll<HTMLElement>(":scope > figure.chart")];
  while (figs.length < count) {
    const f = template.cloneNode(true) as HTMLElement;
    charts.append(f);
    figs.push(f);
  }
  for (const f of figs.splice(count)) f.remove();
  return figs;
}

function legendHtml(spec: ChartSpec, styles: Array<{ color: string; width: number; dash: string }>, hasBounded: (i: number) => boolean): string {
  const swatch = (color: string, width: number, dash: string, hollow: boolean) =>
    `<svg width="28" height="10" viewBox="0 0 28 10" focusable="false"><line x1="1" y1="5" x2="27" y2="5" stroke="${color}" stroke-width="${width + 0.5}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>${hollow ? `<circle cx="14" cy="5" r="3.5" fill="white" stroke="${color}" stroke-width="1.5"/>` : ""}</svg>`;
  return spec.series
    .flatMap((s, i) => {
      const st = styles[i]!;
      const items = [`<li>${swatch(st.color, st.width, st.dash, false)}${escapeHtml(s.name)}</li>`];
      if (hasBounded(i)) items.push(`<li>${swatch(st.color, st.width, "5 4", true)}${escapeHtml(s.name)}, år då området vilar på datumgränser</li>`);
      return items;
    })
    .join("");
}

async function drawOne(figure: HTMLElement, file: CompareSeriesFile, indicator: string): Promise<void> {
  const spec = compareSpec(file, state.areas, `jamfor-${indicator}`);
  figure.id = `diagram-${spec.id}`;
  figure.dataset.chartId = spec.id;
  figure.querySelector<HTMLAnchorElement>('a[href^="#diagram-"]')?.setAttribute("href", `#${figure.id}`);
  // The SVG file, and the PNG drawn from it, exist only for the view drawn at build time.
  figure.querySelector('[data-chart-part="svg-file"]')?.remove();
  figure.querySelector('[data-chart-part="png-file"]')?.remove();
  const part = (name: string) => figure.querySelector<HTMLElement>(`[data-chart-part="${name}"]`);
  const [{ lineChartOptions, seriesStyles, hasBoundedYears }, Plot] = await Promise.all([import("../site/charts/line"), import("@observablehq/plot")]);
  const canvas = part("svg");
  // Laid out for the width it gets, so its 13 px text stays 13 px on a phone.
  const width = Math.round(Math.min(680, Math.max(300, canvas?.clientWidth || 680)));
  const svg = Plot.plot(lineChartOptions(spec, { width, height: width < 500 ? 240 : 300, tip: true })) as SVGSVGElement;
  svg.setAttribute("role", "img");
  // Plot adds a <style> to each SVG; the same rules are in global.css, and an inline style breaks the CSP.
  svg.querySelector("style")?.remove();
  canvas?.replaceChildren(svg);

  const title = figure.querySelector(".chart-title");
  if (title) title.textContent = spec.title;
  const unit = figure.querySelector(".chart-unit");
  if (unit) unit.textContent = `${spec.measure.name}, ${spec.measure.unit}`;
  const summary = part("summary");
  if (summary) summary.textContent = summarizeChart(spec);
  const legend = part("legend");
  if (legend) legend.innerHTML = legendHtml(spec, seriesStyles(spec), (i) => hasBoundedYears(spec.series[i]!));

  const table = chartTable(spec);
  const tableEl = part("table")?.querySelector("table");
  if (tableEl)
    tableEl.innerHTML =
      `<caption>${escapeHtml(spec.title)} (${escapeHtml(spec.measure.unit)})</caption>` +
      `<thead><tr><th scope="col">År</th>${table.columns.map((c) => `<th scope="col" class="num">${escapeHtml(c)}</th>`).join("")}</tr></thead>` +
      `<tbody>${table.rows.map((r) => `<tr><th scope="row">${escapeHtml(formatPeriod(r.period))}</th>${r.values.map((v) => `<td class="num">${valueHtml(v, spec.measure.decimals)}</td>`).join("")}</tr>`).join("")}</tbody>`;

  const csv = part("csv") as HTMLAnchorElement | null;
  if (csv) {
    const old = csvUrls.get(spec.id);
    if (old) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(new Blob([chartCsv(spec)], { type: "text/csv;charset=utf-8" }));
    csvUrls.set(spec.id, url);
    csv.href = url;
    csv.download = `${spec.id}.csv`;
  }

  const sourceKey = compareDatasets(indicator, knownAreas(file, state.areas).known).length > 1 ? `${indicator}+forbund` : indicator;
  const source = document.querySelector(`#jamfor-kallor [data-source-for="${sourceKey}"] .source-note`);
  const current = figure.querySelector(".source-note");
  if (source && current) current.innerHTML = source.innerHTML;
}

async function update(message = ""): Promise<void> {
  try {
    const loaded = await Promise.all(state.indicators.map(load));
    // Every series file lists the same areas; an id none of them has is dropped and named.
    const { unknown } = knownAreas(loaded[0]!, state.areas);
    if (unknown.length) {
      dropped = [...dropped, ...unknown];
      state = { ...state, areas: state.areas.filter((c) => !unknown.includes(c)) };
    }
    history.replaceState(null, "", location.pathname + compareQuery(state) + location.hash);
    renderChips(loaded[0]!);
    const none = state.areas.length === 0;
    if (empty) empty.hidden = !none;
    if (charts) charts.hidden = none;
    if (!none) {
      const figs = figuresFor(state.indicators.length);
      await Promise.all(figs.map((f, i) => drawOne(f, loaded[i]!, state.indicators[i]!)));
    }
    const notice = dropped.length ? `Adressen innehöll ${dropped.length === 1 ? "ett okänt område eller mått" : "okända områden eller mått"}: ${joinSv(dropped.map((d) => `”${d}”`))}. ${dropped.length === 1 ? "Det" : "De"} har tagits bort.` : "";
    dropped = [];
    say([notice, message].filter(Boolean).join(" "));
  } catch {
    say("Uppgifterna kunde inte laddas. Försök igen, eller se kommunsidorna.");
  }
}

if (form && boxes.length && addSelect) {
  form.hidden = false;
  for (const el of document.querySelectorAll<HTMLElement>("[data-nojs]")) el.hidden = true;
  for (const b of boxes) b.checked = state.indicators.includes(b.value);
  for (const b of boxes)
    b.addEventListener("change", () => {
      const checked = boxes.filter((x) => x.checked).map((x) => x.value);
      if (checked.length === 0) {
        b.checked = true;
        return say("Minst ett mått måste vara valt.");
      }
      state = { ...state, indicators: checked };
      const name = b.parentElement?.textContent?.trim() ?? b.value;
      void update(b.checked ? `${name} tillagt.` : `${name} borttaget.`);
    });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = addSelect.value;
    const name = addSelect.selectedOptions[0]?.textContent ?? code;
    if (!code) return;
    if (state.areas.includes(code)) return say(`${name} är redan vald.`);
    if (state.areas.length >= max) return say(`Högst ${max} områden. Ta bort ett först.`);
    state = { ...state, areas: [...state.areas, code] };
    await update(`${name} tillagd.`);
  });
  // A shared link with another view (or a rejected part): draw it at once. The default view is already on the page.
  if (compareQuery(state) || dropped.length) void update();
  else void load(state.indicators[0]!).then(renderChips).catch(() => undefined);
}
