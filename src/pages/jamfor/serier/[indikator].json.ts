/** /jamfor/serier/<indicator>.json: the compact series file the compare page fetches (riket, län, kommuner). */
import type { APIRoute, GetStaticPaths } from "astro";
import { compareSeriesFile } from "../../../site/charts/catalog";
import { comparableMeasures } from "../../../site/measures";

export const getStaticPaths = (() => comparableMeasures().map((m) => ({ params: { indikator: m.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(compareSeriesFile(params.indikator!)), { headers: { "Content-Type": "application/json; charset=utf-8" } });
