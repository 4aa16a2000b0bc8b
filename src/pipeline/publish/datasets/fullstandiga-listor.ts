/** fullstandiga-listor: the days a source lists every förbund in an area. */
import { z } from "zod";
import type { CompleteList, Registry } from "../../registry";
import { nonEmptyText, slug, text } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_SOURCE } from "../foreign-keys";

export const fullstandigaListorRowSchema = z.object({ id: slug, date: nonEmptyText, scope: nonEmptyText, source_id: slug, note: text });
export type FullstandigaListorRow = z.infer<typeof fullstandigaListorRowSchema>;

export function completeListRow(c: CompleteList): FullstandigaListorRow {
  return { id: c.id, date: c.date.raw, scope: Array.isArray(c.scope) ? c.scope.join(";") : c.scope, source_id: c.source_id, note: c.note };
}

export function fullstandigaListorDataset(registry: Registry): Dataset {
  return defineDataset({
    name: "fullstandiga-listor",
    title: "Fullständiga listor över förbund",
    description:
      "Dagar då en källa listar alla förbund och deras medlemmar i ett område (hela landet eller ett län). Bara på sådana dagar kan registret säga att en kommun säkert inte var med i något förbund.",
    fields: [field("id"), field("date", { description: "Dagen eller månaden listan gäller, i registrets datumspråk." }), field("scope", { description: "riket, eller de länskoder listan täcker (semikolonseparerade)." }), field("source_id"), field("note")],
    primaryKey: ["id"],
    foreignKeys: [FK_SOURCE],
    schema: fullstandigaListorRowSchema,
    rows: registry.completeLists.map(completeListRow),
    sources: [REGISTRY_SOURCE],
    processing: "Oförändrat ur registret.",
  });
}
