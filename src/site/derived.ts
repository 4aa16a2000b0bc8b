/**
 * Values we computed rather than took from the publisher (status derived:
 * län values of sjukpenningtal, from the kommuner). Wherever such a value is
 * shown, the page says "beräknat från kommunerna" and gives the method, which
 * the row's note states (derive/lan-from-kommuner.ts).
 */
import type { SeriesPoint } from "./data";

export const DERIVED_LABEL = "beräknat från kommunerna";

/** The first derived point of a series, if any. */
export function firstDerived(points: readonly Pick<SeriesPoint, "status" | "note">[]): Pick<SeriesPoint, "status" | "note"> | undefined {
  return points.find((p) => p.status === "derived");
}

/** "Stockholms län" → "Stockholms län (beräknat från kommunerna)" when its values are derived. */
export function labelDerived(name: string, derived: boolean): string {
  return derived ? `${name} (${DERIVED_LABEL})` : name;
}

/** "Stockholms län (beräknat från kommunerna): medelvärdet av …", from the row's note. */
export function derivedSentence(name: string, note: string): string {
  return `${labelDerived(name, true)}: ${note.replace(/^Beräknat från kommunerna:\s*/, "")}`;
}
