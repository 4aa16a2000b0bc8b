/** forbund-medlemmar-per-ar: each förbund's members on 31 December of each year. */
import { z } from "zod";
import type { FoerbundYearMember } from "../../derive/foerbund-areas";
import { memberStatusEnum } from "../../registry";
import { kommunkod, nonEmptyText, slug, text, year } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND, FK_MEMBER_KOMMUN } from "../foreign-keys";

export const forbundMedlemmarPerArRowSchema = z.object({ foerbund_id: slug, year, member_code: kommunkod, member_name: nonEmptyText, stadsdel: text, member_status: memberStatusEnum });
export type ForbundMedlemmarPerArRow = z.infer<typeof forbundMedlemmarPerArRowSchema>;

export function memberYearRow(m: FoerbundYearMember, memberName: string): ForbundMedlemmarPerArRow {
  return { foerbund_id: m.foerbund_id, year: m.year, member_code: m.member_code, member_name: memberName, stadsdel: m.stadsdel, member_status: m.status };
}

export function forbundMedlemmarPerArDataset(members: readonly FoerbundYearMember[], kommunNames: ReadonlyMap<string, string>): Dataset {
  return defineDataset({
    name: "forbund-medlemmar-per-ar",
    title: "Förbundens medlemmar per år",
    description: "För varje förbund och år: medlemmarna den 31 december, och om medlemskapet är belagt (certain) eller bara möjligt (possible).",
    fields: [field("foerbund_id"), field("year"), field("member_code"), field("member_name"), field("stadsdel"), field("member_status")],
    primaryKey: ["foerbund_id", "year", "member_code", "stadsdel"],
    foreignKeys: [FK_FOERBUND, FK_MEMBER_KOMMUN],
    schema: forbundMedlemmarPerArRowSchema,
    rows: members.map((m) => memberYearRow(m, kommunNames.get(m.member_code)!)),
    sources: [REGISTRY_SOURCE],
    processing: "Registrets medlemskap lästa den 31 december varje år.",
  });
}
