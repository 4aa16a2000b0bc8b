/**
 * Where and how fetch talks to the publishers. Base URLs come from here (or
 * the environment), never from the modules, so tests point fetch at a local
 * server and a maintainer can follow a publisher that moves.
 */
import type { HttpOptions } from "./http";

export interface FetchConfig {
  koladaBase: string;
  scbBase: string;
  fkBase: string;
  http: HttpOptions;
  /** Kolada rows per page (rKolada uses 5000). */
  koladaPerPage: number;
  /** SCB's documented example limits: 30 calls per 10 s, 10 000 cells per call. */
  scbCallsPerWindow: number;
  scbWindowMs: number;
  scbMaxCells: number;
  /** The last year asked for (SCB and Försäkringskassan); defaults to the current year. */
  lastYear: number;
}

export const DEFAULT_BASES = {
  kolada: "https://api.kolada.se/v3",
  scb: "https://statistikdatabasen.scb.se/api/v2",
  fk: "https://www.forsakringskassan.se/api/sprstatistikrapportera/public/v1",
} as const;

export function defaultConfig(env: NodeJS.ProcessEnv = process.env, today: Date = new Date()): FetchConfig {
  return {
    koladaBase: trimSlash(env.FINSAM_KOLADA_BASE ?? DEFAULT_BASES.kolada),
    scbBase: trimSlash(env.FINSAM_SCB_BASE ?? DEFAULT_BASES.scb),
    fkBase: trimSlash(env.FINSAM_FK_BASE ?? DEFAULT_BASES.fk),
    http: { timeoutMs: 60_000, retries: 4, backoffMs: 2_000 },
    koladaPerPage: 5000,
    scbCallsPerWindow: 30,
    scbWindowMs: 10_000,
    scbMaxCells: 10_000,
    lastYear: today.getUTCFullYear(),
  };
}

export const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Licence and publisher recorded with every fetched file, and from there in the
 * kolada-live provenance and datapackage.json. Only what a publisher states is
 * stated, with where it is stated; what is not known here says so and belongs
 * on the list a maintainer checks on the first real run (README, "Uppdatera
 * data från utgivarna"). None of the three APIs' answers, as documented in
 * live-sources/README.md, names a licence.
 */
export const PUBLISHERS = {
  kolada: {
    publisher: "RKA (Rådet för främjande av kommunala analyser), Kolada",
    licence:
      "Ej angiven här – kontrollera hos utgivaren (RKA, kolada.se). Kolada API v3:s svar anger ingen licens, och Kolada-arkivet anger ingen (kolada/MANIFEST.md). Enligt tredje part används Kolada-data med källangivelsen \"Källa: Kolada\" under CC BY 4.0; det är inte kontrollerat hos RKA.",
  },
  scb: {
    publisher: "Statistiska centralbyrån (SCB)",
    licence:
      "Ej kontrollerad här – kontrollera hos utgivaren (scb.se). Svaren från PxWebApi 2.0 anger ingen licens; scb/MANIFEST.md skriver att SCB:s öppna data enligt SCB är CC0, men det är inte kontrollerat härifrån.",
  },
  fk: {
    publisher: "Försäkringskassan",
    licence: "Ej angiven här – kontrollera hos utgivaren (forsakringskassan.se). Varken svaren eller källorna som beskriver dem anger en licens.",
  },
} as const;
