/** samordningsformer-fore-2004: Fridolf's classification of the national forms of coordination (CEFOS 2003, figures 1–2). */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { nonEmptyText, text } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, SEED_NOTE, seedList } from "./history-common";

const yesNo = z.enum(["ja", "nej", "nej/tveksamt"]);
export const samordningsformerRowSchema = z.object({
  form: nonEmptyText,
  full_name: nonEmptyText,
  legal_basis: text,
  form_status: nonEmptyText,
  period_printed: text,
  coordinates: nonEmptyText,
  resources: yesNo,
  resources_printed: nonEmptyText,
  financial: yesNo,
  financial_printed: nonEmptyText,
  political: yesNo,
  political_printed: nonEmptyText,
  legal_person: yesNo,
  legal_person_printed: nonEmptyText,
  target_group: text,
  seed: seedList,
  source_lines: z.string().regex(/^[\d;-]+$/),
});
export type SamordningsformerRow = z.infer<typeof samordningsformerRowSchema>;

export function samordningsformerDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "samordningsformer-fore-2004",
    title: "Former för samordning före 2004 (Fridolf)",
    description: "FRISAM, FINSAM, SOCSAM, FAROS, gemensam nämnd, kommunalförbund och RESAM (förslaget som blev Finsam) – vilka som har finansiell och politisk samordning, enligt Fridolfs figur 1 och 2.",
    fields: [
      field("form"), field("full_name"), field("legal_basis"), field("form_status"), field("period_printed"), field("coordinates"),
      field("resources"), field("resources_printed"), field("financial"), field("financial_printed"), field("political"), field("political_printed"),
      field("legal_person"), field("legal_person_printed"), field("target_group"), field("seed"), field("source_lines"),
    ],
    primaryKey: ["form"],
    schema: samordningsformerRowSchema,
    rows: snapshot.history.samordningsformer.map(({ status, ...r }) => ({ ...r, form_status: status })),
    sources: historySources(snapshot, "samordningsformer"),
    processing: `Figurerna kom till underlaget som platt text och är återskapade och kontrollerade mot texten (rad 236–240). ja/nej är cellens första ord; hela cellen står i *_printed. ${SEED_NOTE}`,
  });
}
