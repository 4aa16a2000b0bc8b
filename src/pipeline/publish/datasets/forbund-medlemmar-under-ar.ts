/**
 * forbund-medlemmar-under-ar: who was a member of each förbund at some time
 * during each year. A membership is certain for the year when the sources
 * prove it on at least one day of the year (e.g. Bilaga 4 in April 2015), and
 * possible when the date bounds allow it on some day. The status on 31
 * December (the day the area's key figures use) is given beside it.
 */
import { z } from "zod";
import { memberStatusEnum, statusOn, type Registry } from "../../registry";
import { certainInterval, possibleFrom, possibleUntil } from "../../registry/dates";
import { kommunkod, nonEmptyText, slug, text, year } from "../columns";
import { defineDataset, REGISTRY_SOURCE, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND, FK_MEMBER_KOMMUN } from "../foreign-keys";

const yearEndEnum = z.enum(["certain", "possible", "no"]);
export const forbundMedlemmarUnderArRowSchema = z.object({
  foerbund_id: slug,
  year,
  member_code: kommunkod,
  member_name: nonEmptyText,
  stadsdel: text,
  member_status: memberStatusEnum,
  status: yearEndEnum,
});
export type ForbundMedlemmarUnderArRow = z.infer<typeof forbundMedlemmarUnderArRowSchema>;

type Status = "certain" | "possible" | "no";
const RANK: Record<Status, number> = { no: 0, possible: 1, certain: 2 };

/** Certain, possible or no membership on some day of `y`, from one spell's bounds. */
export function statusDuringYear(spell: Pick<Registry["spells"][number], "from" | "to">, y: number): Status {
  const first = `${y}-01-01`;
  const next = `${y + 1}-01-01`;
  const c = certainInterval(spell.from, spell.to);
  if (c && c.from < next && c.until > first) return "certain";
  const pf = possibleFrom(spell.from);
  const pu = possibleUntil(spell.to);
  return (pf === null || pf < next) && (pu === null || pu > first) ? "possible" : "no";
}

export function membersDuringYears(registry: Registry, kommunNames: ReadonlyMap<string, string>, years: readonly [number, number]): ForbundMedlemmarUnderArRow[] {
  const out = new Map<string, ForbundMedlemmarUnderArRow>();
  for (let y = years[0]; y <= years[1]; y++) {
    for (const s of registry.spells) {
      const during = statusDuringYear(s, y);
      if (during === "no") continue;
      const key = `${s.foerbund_id}|${y}|${s.member_code}|${s.stadsdel}`;
      const yearEnd = statusOn(s.from, s.to, `${y}-12-31`);
      const prev = out.get(key);
      // Two spells of one member in one förbund: keep the stronger reading of each status.
      const status = prev && RANK[prev.status] > RANK[yearEnd] ? prev.status : yearEnd;
      const member_status = prev && prev.member_status === "certain" ? "certain" : during;
      out.set(key, { foerbund_id: s.foerbund_id, year: y, member_code: s.member_code, member_name: kommunNames.get(s.member_code)!, stadsdel: s.stadsdel, member_status, status });
    }
  }
  return [...out.values()].sort((a, b) => a.foerbund_id.localeCompare(b.foerbund_id) || a.year - b.year || a.member_code.localeCompare(b.member_code) || a.stadsdel.localeCompare(b.stadsdel));
}

export function forbundMedlemmarUnderArDataset(registry: Registry, kommunNames: ReadonlyMap<string, string>, years: readonly [number, number]): Dataset {
  return defineDataset({
    name: "forbund-medlemmar-under-ar",
    title: "Förbundens medlemmar under året",
    description: "För varje förbund och år: de kommuner som var medlemmar någon gång under året, belagt (en daterad källa visar medlemskapet någon dag det året) eller bara möjligt, och status den 31 december.",
    fields: [
      field("foerbund_id"), field("year"), field("member_code"), field("member_name"), field("stadsdel"),
      field("member_status", { description: "Under året: certain = en källa visar medlemskapet någon dag det året; possible = datumgränserna tillåter det men visar det inte.", enum: memberStatusEnum.options }),
      field("status", { description: "Den 31 december: certain = belagt, possible = bara möjligt, no = medlemskapet hade upphört (eller inte börjat).", enum: yearEndEnum.options }),
    ],
    primaryKey: ["foerbund_id", "year", "member_code", "stadsdel"],
    foreignKeys: [FK_FOERBUND, FK_MEMBER_KOMMUN],
    schema: forbundMedlemmarUnderArRowSchema,
    rows: membersDuringYears(registry, kommunNames, years),
    sources: [REGISTRY_SOURCE],
    processing: "Varje medlemsperiod läst mot hela året (1 januari–31 december) med samma intervall som medlemskap och medlemsstatus-per-datum: belagd om perioden är belagd någon dag under året, möjlig om den är möjlig någon dag.",
  });
}
