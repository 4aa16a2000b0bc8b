/** /analys/med-och-utan-forbund/<indikator>.csv: exactly the rows of each outcome's table on the analysis page. */
import type { APIRoute, GetStaticPaths } from "astro";
import { eventCsv } from "../../../site/analysis/event-study";
import { outcomeAnalysis, outcomeSlugs } from "../../../site/analysis/event-study-data";

export const getStaticPaths = (() => outcomeSlugs().map((indikator) => ({ params: { indikator } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(eventCsv(outcomeAnalysis(params.indikator!)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
