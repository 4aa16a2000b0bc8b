/**
 * Kolada API v3 (live-sources/README.md; rKolada R/data.R):
 *   GET /kpi/{ids}                                         KPI metadata
 *   GET /municipality                                      kommuner (type K) and regioner (type L)
 *   GET /data/kpi/{kpi ids}/municipality/{municipality ids}?per_page=&from_date=
 * At most 25 ids per path segment, so both lists go in batches. Every page is
 * kept as received; paging follows next_url until it is absent or empty, and
 * stops loudly when the answer cannot tell whether more pages exist.
 */
import { z } from "zod";
import { INDICATORS } from "../indicators";
import type { FetchConfig } from "./config";
import { PUBLISHERS } from "./config";
import { FetchError, httpRequest, parseJsonBody, type HttpResponse } from "./http";
import { FetchedSource } from "./provenance";

export const KOLADA_DIR = "kolada-v3";
export const MAX_IDS_PER_SEGMENT = 25;
/** Riket's id in Kolada v3 (not always listed by /municipality). */
export const KOLADA_RIKET = "0000";
/** "Deltagarbedömning Finsam" – participants' own assessment, U40460–U40469. */
export const FINSAM_KPIS = Array.from({ length: 10 }, (_, i) => `U4046${i}`);
export const LIVE_KPIS: readonly string[] = [...INDICATORS.map((i) => i.kpi), ...FINSAM_KPIS];

/** Split a list into batches of at most `size` (Kolada: 25 ids per path segment). */
export function batches<T>(items: readonly T[], size = MAX_IDS_PER_SEGMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const pageSchema = z.object({ values: z.array(z.unknown()), next_url: z.string().nullable().optional() }).passthrough();

export const koladaValueSchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.number().int(),
  isdeleted: z.boolean().optional(),
  values: z.array(
    z.object({
      gender: z.enum(["T", "K", "M"]),
      count: z.number().nullable().optional(),
      status: z.string().nullable().optional(),
      value: z.number().nullable(),
    }),
  ),
});
export type KoladaValueRow = z.output<typeof koladaValueSchema>;

/**
 * A row of /oudata: as /data with the organisational unit's id in `ou`
 * (rKolada R/data.R reads it so; Hypergene/kolada's v2 README: "same as
 * above except … ou instead of municipality").
 */
export const koladaOuValueSchema = koladaValueSchema.omit({ municipality: true }).extend({ ou: z.string().min(1) });

export const koladaKpiSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  publication_date: z.string().nullable().optional(),
  auspice: z.string().nullable().optional(),
  is_divided_by_gender: z.boolean().nullable().optional(),
  municipality_type: z.string().nullable().optional(),
  has_ou_data: z.union([z.boolean(), z.number()]).nullable().optional(),
  operating_area: z.string().nullable().optional(),
});
export type KoladaKpi = z.output<typeof koladaKpiSchema>;

export const koladaMunicipalitySchema = z.object({ id: z.string(), title: z.string(), type: z.string() });

/** Check every element of a page's `values`; the first misfit names the URL, the element and the field. */
export function checkElements<S extends z.ZodType>(schema: S, elements: readonly unknown[], url: string, status: number): Array<z.output<S>> {
  return elements.map((element, i) => {
    const result = schema.safeParse(element);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const path = ["values", i, ...issue.path].map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").slice(1);
    const missing = issue.code === "invalid_type" && /undefined/.test(issue.message);
    throw new FetchError(url, status, `${missing ? "field missing" : "unexpected value"} at ${path}: ${issue.message} — has the publisher changed the response schema?`);
  });
}

/**
 * Fetch every page of a paged Kolada answer. End of the list: next_url absent,
 * null or empty AND either the key was present or the page was not full; a
 * full page with no next_url key (or with only v2's next_page) is ambiguous
 * and fails rather than silently stopping early.
 */
export async function fetchPaged(cfg: FetchConfig, firstUrl: string, name: (page: number) => string, out: FetchedSource): Promise<Array<{ res: HttpResponse; values: unknown[] }>> {
  const pages: Array<{ res: HttpResponse; values: unknown[] }> = [];
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url) {
    if (seen.has(url)) throw new FetchError(url, null, "next_url points back to a page already fetched (paging loop)");
    seen.add(url);
    const res = await httpRequest({ url }, cfg.http);
    const parsed = pageSchema.safeParse(parseJsonBody(res));
    if (!parsed.success) throw new FetchError(url, res.status, `not a Kolada v3 page: ${parsed.error.issues[0]!.path.join(".") || "body"}: ${parsed.error.issues[0]!.message}`);
    const body = parsed.data as { values: unknown[]; next_url?: string | null; next_page?: unknown };
    out.add(name(pages.length + 1), res);
    pages.push({ res, values: body.values });
    const next = body.next_url;
    if (next) {
      const resolved = new URL(next, url).toString();
      if (!resolved.startsWith(cfg.koladaBase + "/")) throw new FetchError(url, res.status, `next_url ${resolved} leaves the configured base ${cfg.koladaBase}`);
      url = resolved;
      continue;
    }
    if (!("next_url" in body)) {
      if ("next_page" in body) throw new FetchError(url, res.status, "the page names next_page (Kolada v2 paging) but no next_url; cannot tell where the next page is");
      if (body.values.length >= cfg.koladaPerPage) throw new FetchError(url, res.status, `a full page (${body.values.length} rows) without next_url: cannot tell whether more pages exist`);
    }
    url = null;
  }
  return pages;
}

function withQuery(url: string, params: Record<string, string | number | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

export interface KoladaFetchOptions {
  kpis?: readonly string[];
  since?: string | null;
}

export async function fetchKolada(cfg: FetchConfig, options: KoladaFetchOptions = {}): Promise<FetchedSource> {
  const kpis = options.kpis ?? LIVE_KPIS;
  const since = options.since ?? null;
  const out = new FetchedSource(KOLADA_DIR, PUBLISHERS.kolada.publisher, PUBLISHERS.kolada.licence, cfg.koladaBase, since);
  const per = cfg.koladaPerPage;

  const kpiBatches = batches(kpis);
  const withOuData: string[] = [];
  for (const [b, batch] of kpiBatches.entries()) {
    const pages = await fetchPaged(cfg, withQuery(`${cfg.koladaBase}/kpi/${batch.join(",")}`, { per_page: per }), (p) => `meta/kpi-b${pad(b + 1)}-p${pad(p)}.json`, out);
    const meta = pages.flatMap(({ res, values }) => checkElements(koladaKpiSchema, values, res.url, res.status));
    const missing = batch.filter((id) => !meta.some((k) => k.id === id));
    if (missing.length) throw new FetchError(pages[0]!.res.url, pages[0]!.res.status, `Kolada has no metadata for ${missing.join(", ")}`);
    withOuData.push(...meta.filter((k) => k.has_ou_data === true || k.has_ou_data === 1).map((k) => k.id));
  }

  const munPages = await fetchPaged(cfg, withQuery(`${cfg.koladaBase}/municipality`, { per_page: per }), (p) => `meta/municipality-p${pad(p)}.json`, out);
  const municipalities = munPages.flatMap(({ res, values }) => checkElements(koladaMunicipalitySchema, values, res.url, res.status));
  const ids = [...new Set([KOLADA_RIKET, ...municipalities.filter((m) => m.type === "K" || m.type === "L").map((m) => m.id)])].sort();
  if (ids.length < 2) throw new FetchError(munPages[0]!.res.url, munPages[0]!.res.status, "no kommuner (type K) or regioner (type L) in the list");
  out.notes.push(`${kpis.length} KPIs in ${kpiBatches.length} batch(es); ${ids.length} areas (riket ${KOLADA_RIKET}, type K and L) in ${batches(ids).length} batch(es) of at most ${MAX_IDS_PER_SEGMENT}.`);

  for (const [kb, kpiBatch] of kpiBatches.entries()) {
    for (const [mb, munBatch] of batches(ids).entries()) {
      const url = withQuery(`${cfg.koladaBase}/data/kpi/${kpiBatch.join(",")}/municipality/${munBatch.join(",")}`, { per_page: per, from_date: since ?? undefined });
      const pages = await fetchPaged(cfg, url, (p) => `data/k${pad(kb + 1)}-m${pad(mb + 1)}-p${pad(p)}.json`, out);
      for (const { res, values } of pages) checkElements(koladaValueSchema, values, res.url, res.status);
    }
  }
  await fetchOuData(cfg, withOuData, since, out);
  return out;
}

/** First year asked of /oudata (organisational units); Finsam's participant surveys are newer than this. */
export const OUDATA_FIRST_YEAR = 2010;

/**
 * KPIs whose metadata says has_ou_data (e.g. perhaps the Finsam KPIs, whose
 * unit of report is not known here) are also asked of /oudata by KPI and
 * year, as rKolada composes it (/oudata/kpi/{ids}/year/{years}: two of kpi,
 * ou and year suffice). Each row is checked against koladaOuValueSchema; the
 * importer reads the Finsam KPIs' rows (kolada-live-assessments.ts).
 */
async function fetchOuData(cfg: FetchConfig, kpis: readonly string[], since: string | null, out: FetchedSource): Promise<void> {
  if (kpis.length === 0) return;
  const years = Array.from({ length: cfg.lastYear - OUDATA_FIRST_YEAR + 1 }, (_, i) => OUDATA_FIRST_YEAR + i);
  for (const [kb, kpiBatch] of batches(kpis).entries()) {
    for (const [yb, yearBatch] of batches(years).entries()) {
      const url = withQuery(`${cfg.koladaBase}/oudata/kpi/${kpiBatch.join(",")}/year/${yearBatch.join(",")}`, { per_page: cfg.koladaPerPage, from_date: since ?? undefined });
      const pages = await fetchPaged(cfg, url, (p) => `oudata/k${pad(kb + 1)}-y${pad(yb + 1)}-p${pad(p)}.json`, out);
      for (const { res, values } of pages) checkElements(koladaOuValueSchema, values, res.url, res.status);
    }
  }
  out.notes.push(`/oudata asked for ${kpis.join(", ")} (has_ou_data in Kolada's metadata), ${OUDATA_FIRST_YEAR}–${cfg.lastYear}.`);
}

const pad = (n: number) => String(n).padStart(3, "0");
