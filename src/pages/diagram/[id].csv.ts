/** /diagram/<id>.csv: exactly the rows of each chart's table, one file per chart on the site. */
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts } from "../../site/charts/catalog";
import { chartCsv, type ChartSpec } from "../../site/charts/spec";

export const getStaticPaths = (() => allCharts().map((chart) => ({ params: { id: chart.id }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { chart: ChartSpec }).chart), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
