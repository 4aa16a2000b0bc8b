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

/** Licence and publisher recorded with every fetched file (what we know; check on the first run). */
export const PUBLISHERS = {
  kolada: {
    publisher: "RKA (Rådet för främjande av kommunala analyser), Kolada",
    licence: "Kolada: fri användning med källangivelse \"Källa: Kolada\" (CC BY 4.0 enligt tredje part; kontrollera på kolada.se)",
  },
  scb: {
    publisher: "Statistiska centralbyrån (SCB)",
    licence: "SCB:s öppna data, CC0 1.0 (enligt SCB; kontrollera på scb.se)",
  },
  fk: {
    publisher: "Försäkringskassan",
    licence: "Försäkringskassans öppna statistik (villkoren är inte kontrollerade härifrån; kontrollera på forsakringskassan.se)",
  },
} as const;
