/** medlemskap: every membership spell, with the interval of possible days at each end. */
import { z } from "zod";
import { datingEnum, type Registry, type Spell } from "../../registry";
import { endWindow } from "../../registry/dates";
import { kommunkod, nonEmptyText, optionalIsoDay, slug, text } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND, FK_MEMBER_KOMMUN } from "../foreign-keys";

export const medlemskapRowSchema = z.object({
  foerbund_id: slug,
  member_code: kommunkod,
  member_name: nonEmptyText,
  stadsdel: text,
  from: nonEmptyText,
  from_earliest: optionalIsoDay,
  from_latest: optionalIsoDay,
  to: nonEmptyText,
  to_earliest: optionalIsoDay,
  to_latest: optionalIsoDay,
  dating: datingEnum,
  source_ids: nonEmptyText,
  note: text,
});
export type MedlemskapRow = z.infer<typeof medlemskapRowSchema>;

export function spellRow(s: Spell, memberName: string): MedlemskapRow {
  return {
    foerbund_id: s.foerbund_id,
    member_code: s.member_code,
    member_name: memberName,
    stadsdel: s.stadsdel,
    from: s.from.raw,
    from_earliest: s.from.earliest ?? "",
    from_latest: s.from.latest ?? "",
    to: s.to.raw,
    // One interval semantics (dates.ts endWindow): the same days statusOn uses.
    to_earliest: endWindow(s.to).earliest ?? "",
    to_latest: endWindow(s.to).latest ?? "",
    dating: s.from.kind === "exact" && s.to.kind === "exact" ? "exact" : "bounded",
    source_ids: s.source_ids.join(";"),
    note: s.note,
  };
}

export function medlemskapDataset(registry: Registry, kommunNames: ReadonlyMap<string, string>): Dataset {
  return defineDataset({
    name: "medlemskap",
    title: "Medlemskap i samordningsförbund över tid",
    description:
      "Varje period då en kommun (eller en stadsdel) var medlem i ett förbund, med start och slut så exakt som källorna anger dem och det intervall av dagar som är möjligt. Ett medlemskap som bara en ögonblicksbild visar (t.ex. listan i april 2015) är 'bounded', aldrig gissat.",
    fields: [
      field("foerbund_id"), field("member_code"), field("member_name"), field("stadsdel"),
      field("from"), field("from_earliest"), field("from_latest"), field("to"), field("to_earliest"), field("to_latest"),
      field("dating"), field("source_ids"), field("note"),
    ],
    primaryKey: ["foerbund_id", "member_code", "stadsdel", "from"],
    foreignKeys: [FK_FOERBUND, FK_MEMBER_KOMMUN],
    schema: medlemskapRowSchema,
    rows: registry.spells.map((s) => spellRow(s, kommunNames.get(s.member_code)!)),
    sources: [REGISTRY_SOURCE],
    processing: "Datumspråket tolkat till första och sista möjliga dag (ISO). Inga datum härledda utöver vad källorna säger.",
  });
}
