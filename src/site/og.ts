/**
 * Preview images for links shared in chat and social media (Open Graph),
 * 1200 × 630: one per förbund page, one per kommun page and one for every
 * other page. Each shows the area's name, its latest ohälsotal with the year
 * and riket's value that year, and a small line of the ohälsotal over the
 * years, all from the published datasets (forbund-indikatorer, ohalsotal).
 * The SVG is served at /delning/<image>.svg and drawn to a PNG after the
 * build (charts/png.ts), with DejaVu Sans, so the text is laid out for it.
 */
import { RIKET, areaName, foerbundRows, kommun, kommuner, lanAreaOf, series } from "./data";
import { escapeHtml, formatNumber, joinSv } from "./format";
import { foerbund, foerbundValuesByKpi } from "./foerbund/model";
import { measure } from "./measures";
import { SITE_NAME } from "./nav";
import { wrapWords } from "./charts/standalone";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The indicator every preview leads with: the one the förbund exist to lower. */
const KEY_MEASURE = "ohalsotal";
const DEFAULT_IMAGE = "finsam-i-siffror";

export interface OgImage {
  /** Site path of the PNG, e.g. "/delning/forbund/blekinge.png". */
  path: string;
  width: number;
  height: number;
  /** What the image shows, in words (og:image:alt). */
  alt: string;
}

interface LinePoint {
  year: number;
  value: number | null;
  /** A förbund year whose members rest on date bounds: drawn dashed, as on the förbund page. */
  bounded?: boolean;
}

/** Everything one preview image shows. */
export interface OgContent {
  image: string;
  label: string;
  name: string;
  /** The latest value with its year, or null when the area has none. */
  key: { year: number; value: number; riket: number | null } | null;
  area: LinePoint[];
  riket: LinePoint[];
}

const points = (s: ReturnType<typeof series>): LinePoint[] => s.map((p) => ({ year: p.year, value: p.value }));

function keyFigure(area: LinePoint[], riket: LinePoint[]): OgContent["key"] {
  const last = [...area].reverse().find((p) => p.value !== null);
  if (!last) return null;
  return { year: last.year, value: last.value!, riket: riket.find((p) => p.year === last.year)?.value ?? null };
}

function foerbundContent(id: string): OgContent {
  const f = foerbund(id);
  const m = measure(KEY_MEASURE);
  const values = foerbundValuesByKpi(m.kpi!).get(id);
  const riket = points(series(m.dataset, RIKET));
  const area = riket.map((r) => {
    const row = values?.get(r.year);
    return { year: r.year, value: row?.value ?? null, bounded: row?.membership === "bounded" };
  });
  return { image: `forbund/${id}`, label: `Samordningsförbund · ${joinSv(f.lanNames)}`, name: f.name, key: keyFigure(area, riket), area, riket };
}

function kommunContent(kommunkod: string): OgContent {
  const k = kommun(kommunkod)!;
  const m = measure(KEY_MEASURE);
  const riket = points(series(m.dataset, RIKET));
  const area = points(series(m.dataset, { level: "kommun", code: kommunkod }));
  return { image: `kommun/${kommunkod}`, label: `Kommun · ${areaName(lanAreaOf(kommunkod))}`, name: k.name, key: keyFigure(area, riket), area, riket };
}

function siteContent(): OgContent {
  const riket = points(series(measure(KEY_MEASURE).dataset, RIKET));
  return { image: DEFAULT_IMAGE, label: "Statistik om finansiell samordning", name: SITE_NAME, key: keyFigure(riket, riket), area: riket, riket: [] };
}

/** Every preview image's id (the path under /delning/ without .svg/.png), for the endpoint. */
export function ogImageIds(): string[] {
  return [DEFAULT_IMAGE, ...foerbundRows().map((f) => `forbund/${f.id}`), ...kommuner().map((k) => `kommun/${k.kommunkod}`)];
}

/** The content of an image id from ogImageIds(). */
export function ogContent(image: string): OgContent {
  const [kind, id] = image.split("/");
  if (kind === "forbund" && id) return foerbundContent(id);
  if (kind === "kommun" && id) return kommunContent(id);
  if (image === DEFAULT_IMAGE) return siteContent();
  throw new Error(`no preview image ${image}`);
}

function altText(c: OgContent): string {
  const m = measure(KEY_MEASURE);
  const where = c.image === DEFAULT_IMAGE ? "riket" : c.name;
  const value = c.key
    ? `${m.shortName} ${c.key.year} i ${where}: ${formatNumber(c.key.value, m.decimals)} ${m.unit}${c.image !== DEFAULT_IMAGE && c.key.riket !== null ? ` (riket ${formatNumber(c.key.riket, m.decimals)})` : ""}.`
    : `${m.shortName}: inget värde i datan för ${where}.`;
  return `${SITE_NAME}: ${c.name}. ${value}`;
}

/** The preview image for a page: its förbund's or kommun's own, else the site's. */
export function ogImageFor(pathname: string): OgImage {
  const f = /^\/forbund\/([a-z0-9-]+)\/$/.exec(pathname)?.[1];
  const k = /^\/kommun\/(\d{4})\/$/.exec(pathname)?.[1];
  const image = f && foerbundRows().some((r) => r.id === f) ? `forbund/${f}` : k && kommun(k) ? `kommun/${k}` : DEFAULT_IMAGE;
  return { path: `/delning/${image}.png`, width: OG_WIDTH, height: OG_HEIGHT, alt: altText(ogContent(image)) };
}

// ---- drawing ----

const BLUE = "#1d4f91";
const SPARK = { left: 680, right: 1140, top: 330, bottom: 500 };

/** The area's line (runs between gaps; a segment touching a bounded year dashed) and riket's, scaled to the box. */
function sparkline(area: LinePoint[], riket: LinePoint[]): string {
  const all = [...area, ...riket].filter((p) => p.value !== null);
  if (!area.some((p) => p.value !== null)) return "";
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value!);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (year: number) => SPARK.left + ((year - y0) / Math.max(1, y1 - y0)) * (SPARK.right - SPARK.left);
  const y = (v: number) => SPARK.bottom - ((v - v0) / Math.max(1e-9, v1 - v0)) * (SPARK.bottom - SPARK.top);
  const r = (n: number) => n.toFixed(1);
  const segments = (line: LinePoint[], attrs: string) =>
    line
      .slice(1)
      .map((p, i) => [line[i]!, p] as const)
      .filter(([a, b]) => a.value !== null && b.value !== null)
      .map(([a, b]) => `<line x1="${r(x(a.year))}" y1="${r(y(a.value!))}" x2="${r(x(b.year))}" y2="${r(y(b.value!))}" ${attrs}${a.bounded || b.bounded ? ' stroke-dasharray="10 8"' : ""}/>`)
      .join("");
  return (
    `<line x1="${SPARK.left}" y1="${SPARK.bottom}" x2="${SPARK.right}" y2="${SPARK.bottom}" stroke="#767676" stroke-width="2"/>` +
    segments(riket, 'stroke="#767676" stroke-width="3" stroke-linecap="round"') +
    segments(area, `stroke="${BLUE}" stroke-width="6" stroke-linecap="round"`) +
    `<text x="${SPARK.left}" y="${SPARK.bottom + 32}" font-size="24" fill="#555555">${y0}</text>` +
    `<text x="${SPARK.right}" y="${SPARK.bottom + 32}" font-size="24" fill="#555555" text-anchor="end">${y1}</text>`
  );
}

/** The image as an SVG document of exactly 1200 × 630 px. */
export function ogSvg(c: OgContent, siteHost: string): string {
  const m = measure(KEY_MEASURE);
  // Long names get a smaller size so that at most three lines fit above the figure.
  const big = wrapWords(c.name, 27);
  const [size, name] = big.length <= 2 ? [60, big] : [46, wrapWords(c.name, 36).slice(0, 3)];
  const nameSvg = name.map((line, i) => `<tspan x="60" y="${150 + i * Math.round(size * 1.15)}">${escapeHtml(line)}</tspan>`).join("");
  const riketLine = c.key && c.riket.length && c.key.riket !== null ? `Riket ${c.key.year}: ${formatNumber(c.key.riket, m.decimals)}` : "";
  const key = c.key
    ? `<text x="60" y="370" font-size="30" font-weight="700" fill="#1a1a1a">${escapeHtml(`${m.shortName} ${c.key.year}${c.image === DEFAULT_IMAGE ? ", riket" : ""}`)}</text>` +
      `<text x="56" y="470" font-size="100" font-weight="700" fill="${BLUE}">${escapeHtml(formatNumber(c.key.value, m.decimals))}</text>` +
      `<text x="60" y="512" font-size="24" fill="#1a1a1a">${escapeHtml(m.unit)}</text>` +
      (riketLine ? `<text x="60" y="552" font-size="26" fill="#555555">${escapeHtml(riketLine)}</text>` : "")
    : `<text x="60" y="400" font-size="30" fill="#1a1a1a">${escapeHtml(`${m.shortName}: inget värde i datan för området`)}</text>`;
  const legend = c.riket.length && c.key
    ? `<line x1="${SPARK.left}" y1="300" x2="${SPARK.left + 36}" y2="300" stroke="${BLUE}" stroke-width="6"/><text x="${SPARK.left + 46}" y="308" font-size="22" fill="#1a1a1a">${c.image.startsWith("kommun/") ? "Kommunen" : "Förbundets kommuner"}</text>` +
      `<line x1="${SPARK.left + 340}" y1="300" x2="${SPARK.left + 376}" y2="300" stroke="#767676" stroke-width="3"/><text x="${SPARK.left + 386}" y="308" font-size="22" fill="#1a1a1a">Riket</text>` +
      (c.area.some((p) => p.bounded && p.value !== null) ? `<text x="${SPARK.left}" y="568" font-size="20" fill="#555555">Streckat: medlemmarna osäkra</text>` : "")
    : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="'DejaVu Sans', sans-serif">` +
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#ffffff"/>` +
    `<rect width="${OG_WIDTH}" height="12" fill="${BLUE}"/>` +
    `<text x="60" y="78" font-size="28" fill="#555555">${escapeHtml(c.label)}</text>` +
    `<text font-size="${size}" font-weight="700" fill="#1a1a1a">${nameSvg}</text>` +
    key +
    legend +
    sparkline(c.area, c.riket) +
    `<rect y="580" width="${OG_WIDTH}" height="50" fill="${BLUE}"/>` +
    `<text x="60" y="614" font-size="26" font-weight="700" fill="#ffffff">${escapeHtml(SITE_NAME)}</text>` +
    `<text x="${OG_WIDTH - 60}" y="614" font-size="22" fill="#ffffff" text-anchor="end">${escapeHtml(`${siteHost} · Källa: Kolada (${m.kpi})`)}</text>` +
    `</svg>`
  );
}
