/** /deltagare/ from the published datasets (the model itself is pure: ./model.ts). */
import { participantRows, printedTable } from "../data";
import type { ChartSpec } from "../charts/spec";
import { coverageSentence, participantCharts, participantYears, type ParticipantInputs, type YearEntry } from "./model";

/** The Riksdag tables the page draws on (2011–2014). */
const TABLES = ["T02", "T03", "T04", "T09", "T11", "T12", "T17"];

function inputs(): ParticipantInputs {
  return { national: participantRows(), printed: TABLES.flatMap((t) => printedTable(t)) };
}

export interface ParticipantPage {
  charts: ChartSpec[];
  years: YearEntry[];
  coverage: string;
}

export function participantPage(): ParticipantPage {
  const input = inputs();
  const labels = Object.fromEntries(input.national.map((r) => [r.measure, r.measure_label]));
  return { charts: participantCharts(input), years: participantYears(input, labels), coverage: coverageSentence(input) };
}

/** Years with a row in /deltagare/'s year list, for the year pages' link. */
export function participantYearSet(): Set<number> {
  return new Set(participantPage().years.map((y) => y.year));
}

/** The state's allocation model (measures fordelning_*), as the source row states it; null when no source row does. */
export function allocationModel(): { base: number; byNeed: number; byPopulation: number; year: number; publisher: string; url: string; quote: string } | null {
  const rows = participantRows();
  const get = (m: string) => rows.find((r) => r.measure === m);
  const base = get("fordelning_grundtilldelning");
  const need = get("fordelning_andel_forsorjningsmatt");
  const pop = get("fordelning_andel_befolkning");
  if (!base || !need || !pop) return null;
  return { base: base.value, byNeed: need.value, byPopulation: pop.value, year: base.year, publisher: base.publisher, url: base.source_url, quote: base.quote };
}
