/** CSV of the national coverage charts and maps (components CoverageChart and CoverageMap). */
import type { APIRoute } from "astro";
import { METRIC_WORDS, coverageChartCsv, type CoverageMetric } from "../../../site/foerbund/coverage-over-time";
import { coverageMapCsv, coverageMapDates } from "../../../site/foerbund/coverage-map";

export function getStaticPaths() {
  return [
    ...(Object.keys(METRIC_WORDS) as CoverageMetric[]).map((m) => ({ params: { name: METRIC_WORDS[m].slug }, props: { metric: m } })),
    ...coverageMapDates().map((d) => ({ params: { name: `karta-${d}` }, props: { date: d } })),
  ];
}

export const GET: APIRoute = ({ props }) => {
  const { metric, date } = props as { metric?: CoverageMetric; date?: string };
  const body = metric ? coverageChartCsv(metric) : coverageMapCsv(date!);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
