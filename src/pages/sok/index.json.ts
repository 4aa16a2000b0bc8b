/** /sok/index.json: the small search index (kommuner and förbund, each with its `type`). */
import type { APIRoute } from "astro";
import { searchIndex } from "../../site/search-index";

export const GET: APIRoute = () => new Response(JSON.stringify(searchIndex()), { headers: { "Content-Type": "application/json; charset=utf-8" } });
