/**
 * Download current data from the publishers (Kolada API v3, SCB PxWebApi 2.0,
 * Försäkringskassan) into a source folder the importers read.
 * Run `npm run fetch -- --help` for the options.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultConfig } from "../src/pipeline/fetch/config";
import { FetchError } from "../src/pipeline/fetch/http";
import { FETCH_SOURCES, runFetch, type FetchSourceId } from "../src/pipeline/fetch/index";

const HELP = `npm run fetch -- --to <folder> [--only kolada,scb,fk] [--since YYYY-MM-DD]

Hämtar aktuella data från utgivarna till <folder>:
  <folder>/kolada-v3/  Kolada API v3: nyckeltalen webbplatsen använder och Finsam-nyckeltalen
                       U40460–U40469, för alla kommuner, regioner och riket, alla år, i
                       omgångar om högst 25 id per del av adressen; sidor följs via next_url.
                       Dessutom KPI-metadata (titel, beskrivning, publiceringsdatum) och, för
                       nyckeltal med has_ou_data, /oudata per år (sparas för granskning, importeras inte).
  <folder>/scb-v2/     SCB PxWebApi 2.0, tabell TAB638: folkmängd 16–64 år per ettårsklass,
                       kommun och kön, från 2022 (högst 30 anrop per 10 s).
  <folder>/fk/         Försäkringskassan: ohälsotal och sjukpenningtal (SJPohttal.xlsx, SJPsjptal.xlsx).
Varje mapp får manifest.json med adress, hämtningstid, sha256 och licens för varje fil.
Svaren sparas precis som de kom. Misslyckas någon del skrivs ingenting.

  --to <folder>      målmapp (krävs)
  --only <list>      bara dessa källor: ${FETCH_SOURCES.join(", ")} (standard: alla)
  --since <date>     Kolada: bara värden ändrade sedan detta datum (from_date)
  --areas <file>     kommunlista för SCB (standard: data/snapshot/areas/kommuner.csv)
  --help             den här texten

Adresser (för test eller om en utgivare flyttar): FINSAM_KOLADA_BASE, FINSAM_SCB_BASE, FINSAM_FK_BASE.
Sedan: npm run import -- --from <folder> --only kolada-live
  och (för scb, fk) npm run import -- --from <folder> --only fk-live,scb-live
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      to: { type: "string" },
      only: { type: "string" },
      since: { type: "string" },
      areas: { type: "string", default: "data/snapshot/areas/kommuner.csv" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.to) {
    process.stderr.write(HELP);
    process.exit(2);
  }
  const only = (values.only?.split(",") ?? [...FETCH_SOURCES]) as FetchSourceId[];
  for (const id of only) if (!FETCH_SOURCES.includes(id)) throw new Error(`unknown source ${id}; known: ${FETCH_SOURCES.join(", ")}`);
  const kommunkoder = readFileSync(values.areas!, "utf8").trim().split("\n").slice(1).map((line) => line.split(",")[0]!);
  const started = performance.now();
  const done = await runFetch(defaultConfig(), { to: resolve(values.to), only, since: values.since ?? null, kommunkoder });
  for (const [id, source] of done) console.log(`fetched ${id}: ${source.files.length} files → ${resolve(values.to, source.source)}`);
  console.log(`fetch done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  if (error instanceof FetchError) {
    console.error(`fetch failed, nothing written: ${error.message}`);
    process.exit(1);
  }
  throw error;
});
