/** socsam-gotland-aktiviteter: the 27 documented SOCSAM activities on Gotland by type (evaluation 2001). */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { count, nonEmptyText } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field } from "../fields";
import { historySources, SEED_NOTE, seedList, sourceLines } from "./history-common";

export const socsamGotlandAktiviteterRowSchema = z.object({ activity_type: nonEmptyText, value: count, is_total: z.boolean(), seed: seedList, source_lines: sourceLines });
export type SocsamGotlandAktiviteterRow = z.infer<typeof socsamGotlandAktiviteterRowSchema>;

export function socsamGotlandAktiviteterDataset(snapshot: Snapshot): Dataset {
  return defineDataset({
    name: "socsam-gotland-aktiviteter",
    title: "Gotland: SOCSAM-aktiviteterna efter slag",
    description: "De aktiviteter och projekt som dokumenterades inom SOCSAM på Gotland 1997–2000, efter slag, med summan som rapporten anger.",
    fields: [
      field("activity_type"),
      field("value", { type: "integer", description: "Antal aktiviteter eller projekt." }),
      field("is_total"),
      field("seed"),
      field("source_lines"),
    ],
    primaryKey: ["activity_type"],
    schema: socsamGotlandAktiviteterRowSchema,
    rows: snapshot.history["gotland-aktiviteter"].map(({ source_line, is_total, ...r }) => ({ ...r, value: Number(r.value), is_total: is_total === "1", source_lines: source_line })),
    sources: historySources(snapshot, "gotland-aktiviteter"),
    processing: `Slagen summerar till raden totalt (kontrolleras vid importen). ${SEED_NOTE}`,
  });
}
