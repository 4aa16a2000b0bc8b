/** /delning/<image>.svg: the link-preview images (site/og.ts); the build draws each to a PNG beside it (charts/png.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import { ogContent, ogImageIds, ogSvg } from "../../site/og";

export const getStaticPaths = (() => ogImageIds().map((image) => ({ params: { image } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(ogSvg(ogContent(params.image!), site?.host ?? ""), { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
