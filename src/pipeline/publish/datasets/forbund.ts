/** forbund: every förbund in the registry, with its latest name, kind, dates, predecessors and successors. */
import { z } from "zod";
import { endReasonEnum, foerbundKindEnum, type Foerbund, type Registry } from "../../registry";
import { list, nonEmptyText, slug, text } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";

export const forbundRowSchema = z.object({
  id: slug,
  foerbund_name: nonEmptyText,
  kind: foerbundKindEnum,
  lan_codes: nonEmptyText,
  founded: nonEmptyText,
  ended: text,
  end_reason: endReasonEnum,
  successor_ids: list,
  predecessor_ids: list,
  source_ids: nonEmptyText,
  note: text,
});
export type ForbundRow = z.infer<typeof forbundRowSchema>;

/**
 * The latest known name of each förbund: the name proven in use last (the
 * last day its "to" proves, e.g. ">=2022-02-14" → 2022-02-14). On a tie a name
 * still in use (">=X") beats one that ended, then the later start wins. A
 * name whose end is open (">=X") is not assumed to run forever, so a later
 * dated name is never hidden behind an old one.
 */
export function latestNames(registry: Pick<Registry, "names">): Map<string, string> {
  const latest = new Map<string, { name: string; key: string }>();
  for (const n of registry.names) {
    const provenUntil = n.to.lower?.end ?? n.to.upper?.end ?? "";
    const open = n.to.kind === "atLeast" ? "1" : "0";
    const started = n.from.latest ?? n.from.earliest ?? "";
    const key = `${provenUntil}|${open}|${started}`;
    const current = latest.get(n.foerbund_id);
    if (!current || key > current.key) latest.set(n.foerbund_id, { name: n.name, key });
  }
  return new Map([...latest].map(([id, v]) => [id, v.name]));
}

export function foerbundRow(f: Foerbund, name: string, predecessors: readonly string[]): ForbundRow {
  return {
    id: f.id,
    foerbund_name: name,
    kind: f.kind,
    lan_codes: f.lan_codes.join(";"),
    founded: f.founded.raw,
    ended: f.ended?.raw ?? "",
    end_reason: f.end_reason,
    successor_ids: f.successor_ids.join(";"),
    predecessor_ids: predecessors.join(";"),
    source_ids: f.source_ids.join(";"),
    note: f.note,
  };
}

export function forbundDataset(registry: Registry): Dataset {
  const names = latestNames(registry);
  return defineDataset({
    name: "forbund",
    title: "Samordningsförbund 2004–",
    description: "Varje samordningsförbund i registret, även sammanslagna och upplösta: slag, län, när det bildades och upphörde, föregångare och efterträdare, och källorna.",
    fields: [field("id"), field("foerbund_name"), field("kind"), field("lan_codes"), field("founded"), field("ended"), field("end_reason"), field("successor_ids"), field("predecessor_ids"), field("source_ids"), field("note")],
    primaryKey: ["id"],
    schema: forbundRowSchema,
    rows: registry.foerbund.map((f) => foerbundRow(f, names.get(f.id)!, registry.predecessors.get(f.id) ?? [])),
    sources: [REGISTRY_SOURCE],
    processing: "Registrets rader som de står, med föregångare härledda från efterträdarna. Datum anges bara som källorna anger dem; en gräns (<=X, >=X) betyder att bara en ögonblicksbild visar uppgiften.",
  });
}
