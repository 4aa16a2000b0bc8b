/** handelsestudie: kommuner that joined a förbund against kommuner not yet in one, by years since joining. */
import { z } from "zod";
import {
  BOOTSTRAP_REPLICATIONS, BOOTSTRAP_SEED, EVENT_MAX, EVENT_MIN, OUTCOMES, PLACEBO_SHIFT, VARIANTS, WEIGHTINGS, type EventStudyRow,
} from "../../derive/event-study";
import { count, optionalNumber } from "../columns";
import { defineDataset, KOLADA_PER_KOMMUN_SOURCE, REGISTRY_SOURCE, round, roundOrNull, type Dataset } from "../dataset";
import { eventStudyField } from "../fields";

export const handelsestudieRowSchema = z.object({
  indicator: z.enum(OUTCOMES.map((o) => o.slug) as [string, ...string[]]),
  variant: z.enum(VARIANTS),
  weighting: z.enum(WEIGHTINGS),
  event_time: z.number().int(),
  estimate: z.number(),
  ci_low: optionalNumber,
  ci_high: optionalNumber,
  n_treated_kommuner: count,
  n_control_kommuner: count,
});
export type HandelsestudieRow = z.infer<typeof handelsestudieRowSchema>;

export function handelsestudieDataset(rows: readonly EventStudyRow[]): Dataset {
  return defineDataset({
    name: "handelsestudie",
    title: "Kommuner som gick med i ett förbund jämfört med kommuner som ännu inte var med (händelsestudie)",
    description:
      "Skattad skillnad i hur nyckeltalen förändrades från året före en kommuns första anslutning till ett samordningsförbund, jämfört med kommuner som säkert ännu inte var med, per år före och efter anslutningen. Med 95 % intervall. Kommunerna valde själva att gå med, så skillnaderna är inte bevisade effekter; se /analys/med-och-utan-forbund/.",
    fields: [
      eventStudyField("indicator", { enum: OUTCOMES.map((o) => o.slug) }),
      eventStudyField("variant", { enum: VARIANTS }),
      eventStudyField("weighting", { enum: WEIGHTINGS }),
      eventStudyField("event_time"),
      eventStudyField("estimate"),
      eventStudyField("ci_low"),
      eventStudyField("ci_high"),
      eventStudyField("n_treated_kommuner"),
      eventStudyField("n_control_kommuner"),
    ],
    primaryKey: ["indicator", "variant", "weighting", "event_time"],
    schema: handelsestudieRowSchema,
    rows: rows.map((r) => ({
      indicator: r.indicator, variant: r.variant, weighting: r.weighting, event_time: r.event_time,
      estimate: round(r.estimate, 4), ci_low: roundOrNull(r.ci_low, 4), ci_high: roundOrNull(r.ci_high, 4),
      n_treated_kommuner: r.n_treated_kommuner, n_control_kommuner: r.n_control_kommuner,
    })),
    sources: [REGISTRY_SOURCE, KOLADA_PER_KOMMUN_SOURCE],
    processing: [
      "Anslutningsår: året då kommunens första medlemskap i registret började, om både tidigaste möjliga och första säkra dag ligger samma kalenderår (se handelsestudie-kommuner).",
      "Jämförelse för kommunerna som gick med år g, år t: kommuner som säkert inte var med i något förbund till och med år max(t, g − 1), aldrig kommunen själv. Kommuner utan registrerat medlemskap räknas som utanför fram till den sista fullständiga lista som visar dem utanför.",
      "ATT(g, t) = medelförändringen g − 1 → t bland kommunerna som gick med år g minus densamma bland jämförelsekommunerna (Callaway & Sant'Anna 2021); per händelsetid e = t − g vägs grupperna med sin storlek (antal kommuner, eller befolkningen året g − 1: invånare 16–64 år, för ekonomiskt bistånd alla invånare).",
      `Händelsetider ${EVENT_MIN} till +${EVENT_MAX} där data finns; −1 är jämförelseåret. Placebo: anslutningsåret flyttat ${PLACEBO_SHIFT} år tidigare och bara år före den verkliga anslutningen, så händelsetiderna slutar vid +${PLACEBO_SHIFT - 1}.`,
      `95 % intervall: percentiler av ${BOOTSTRAP_REPLICATIONS} klusterbootstrapdragningar över kommuner (mulberry32, frö ${BOOTSTRAP_SEED}); tomt om mindre än 95 % av dragningarna gav ett värde. Nyckeltalens kommunvärden (kön T) från Kolada. Avrundat till 4 decimaler.`,
    ].join(" "),
  });
}
