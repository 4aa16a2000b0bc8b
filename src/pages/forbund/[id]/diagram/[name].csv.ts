/** The CSV of each chart on a förbund page: exactly the chart's rows. */
import type { APIRoute } from "astro";
import { foerbundList } from "../../../../site/foerbund/model";
import { foerbundChart, foerbundChartCsv } from "../../../../site/foerbund/charts";
import { foerbundCharts } from "../../../../site/foerbund/page";
import { measure } from "../../../../site/measures";

export function getStaticPaths() {
  return foerbundList().flatMap((f) => foerbundCharts(f.id).map((c) => ({ params: { id: f.id, name: c.slug } })));
}

export const GET: APIRoute = ({ params }) => {
  const chart = foerbundChart(params.id!, measure(params.name!))!;
  return new Response(foerbundChartCsv(chart), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
