/** /diagram/<id>.svg: each chart of the CSV list as an image file with its title, source line and the site's name (charts/standalone.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts } from "../../site/charts/catalog";
import type { ChartSpec } from "../../site/charts/spec";
import { standaloneChartSvg } from "../../site/charts/standalone";

export const getStaticPaths = (() => allCharts().map((chart) => ({ params: { id: chart.id }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(standaloneChartSvg((props as { chart: ChartSpec }).chart, site?.href.replace(/\/$/, "") ?? ""), { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
