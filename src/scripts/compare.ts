/**
 * The compare page in the browser. Plot and the chart code load with
 * import() only when a chart is drawn; the series come from the small files
 * /jamfor/serier/<indicator>.json written at build time. The URL holds the
 * view, and only what differs from the default.
 */
import { compareDatasets, compareQuery, compareSpec, parseCompareQuery, type CompareSeriesFile, type CompareState } from "../site/charts/compare";
import { chartCsv, chartTable } from "../site/charts/spec";
import { summarizeChart } from "../site/charts/summary";
import { escapeHtml, formatPeriod, valueHtml } from "../site/format";

const form = document.getElementById("jamfor-form") as HTMLFormElement | null;
const figure = document.querySelector<HTMLElement>("figure.chart");
const select = document.getElementById("jamfor-matt") as HTMLSelectElement | null;
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

const validIndicators = select ? [...select.options].map((o) => o.value) : [];
let state: CompareState = parseCompareQuery(location.search, validIndicators);
let csvUrl: string | null = null;

function say(text: string): void {
  if (status) status.textContent = text;
}

function part(name: string): HTMLElement | null {
  return figure?.querySelector<HTMLElement>(`[data-chart-part="${name}"]`) ?? null;
}

function renderChips(file: CompareSeriesFile): void {
  if (!chosen) return;
  chosen.replaceChildren(
    ...state.areas.map((code) => {
      const li = document.createElement("li");
      const name = file.areas[code]?.name ?? code;
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

async function draw(file: CompareSeriesFile): Promise<void> {
  if (!figure) return;
  const spec = compareSpec(file, state.areas, `jamfor-${state.indicator}`);
  const [{ lineChartOptions, seriesStyles }, Plot] = await Promise.all([import("../site/charts/line"), import("@observablehq/plot")]);
  const svg = Plot.plot(lineChartOptions(spec, { width: 680, tip: true })) as SVGSVGElement;
  svg.setAttribute("role", "img");
  // Plot adds a <style> to each SVG; the same rules are in global.css, and an inline style breaks the CSP.
  svg.querySelector("style")?.remove();
  part("svg")?.replaceChildren(svg);

  const title = figure.querySelector(".chart-title");
  if (title) title.textContent = spec.title;
  const unit = figure.querySelector(".chart-unit");
  if (unit) unit.textContent = `${spec.measure.name}, ${spec.measure.unit}`;
  const summary = part("summary");
  if (summary) summary.textContent = summarizeChart(spec);

  const styles = seriesStyles(spec);
  const legend = part("legend");
  if (legend)
    legend.innerHTML = spec.series
      .map((s, i) => {
        const st = styles[i]!;
        return `<li><svg width="28" height="10" viewBox="0 0 28 10" focusable="false"><line x1="1" y1="5" x2="27" y2="5" stroke="${st.color}" stroke-width="${st.width + 0.5}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ""}/></svg>${escapeHtml(s.name)}</li>`;
      })
      .join("");

  const table = chartTable(spec);
  const tableEl = part("table")?.querySelector("table");
  if (tableEl)
    tableEl.innerHTML =
      `<caption>${escapeHtml(spec.title)} (${escapeHtml(spec.measure.unit)})</caption>` +
      `<thead><tr><th scope="col">År</th>${table.columns.map((c) => `<th scope="col" class="num">${escapeHtml(c)}</th>`).join("")}</tr></thead>` +
      `<tbody>${table.rows.map((r) => `<tr><th scope="row">${escapeHtml(formatPeriod(r.period))}</th>${r.values.map((v) => `<td class="num">${valueHtml(v, spec.measure.decimals)}</td>`).join("")}</tr>`).join("")}</tbody>`;

  const csv = part("csv") as HTMLAnchorElement | null;
  if (csv) {
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([chartCsv(spec)], { type: "text/csv;charset=utf-8" }));
    csv.href = csvUrl;
    csv.download = `${spec.id}.csv`;
  }

  const sourceKey = compareDatasets(state.indicator, state.areas.filter((c) => file.areas[c])).length > 1 ? `${state.indicator}+forbund` : state.indicator;
  const source = document.querySelector(`#jamfor-kallor [data-source-for="${sourceKey}"] .source-note`);
  const current = figure.querySelector(".source-note");
  if (source && current) current.innerHTML = source.innerHTML;
}

async function update(message = ""): Promise<void> {
  history.replaceState(null, "", location.pathname + compareQuery(state) + location.hash);
  try {
    const file = await load(state.indicator);
    renderChips(file);
    await draw(file);
    say(message);
  } catch {
    say("Uppgifterna kunde inte laddas. Försök igen, eller se kommunsidorna.");
  }
}

if (form && select && addSelect) {
  form.hidden = false;
  for (const el of document.querySelectorAll<HTMLElement>("[data-nojs]")) el.hidden = true;
  select.value = state.indicator;
  select.addEventListener("change", () => {
    state = { ...state, indicator: select.value };
    void update(`Visar ${select.selectedOptions[0]?.textContent ?? ""}.`);
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
  // A shared link with another view: draw it at once. The default view is already on the page.
  if (compareQuery(state)) void update();
  else void load(state.indicator).then(renderChips).catch(() => undefined);
}
