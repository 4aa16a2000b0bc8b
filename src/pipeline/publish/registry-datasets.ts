/**
 * Row types under their former names, for src/site until it reads with
 * readPublished (read.ts) and PublishedRow<"…">. The datasets themselves are
 * built in datasets/ (one module each).
 */
import type { PublishedRow } from "./datasets";

export type FoerbundRow = PublishedRow<"forbund">;
export type FoerbundNameRow = PublishedRow<"forbund-namn">;
export type SpellRow = PublishedRow<"medlemskap">;
export type RegistrySourceRow = PublishedRow<"kallor">;
export type CompleteListRow = PublishedRow<"fullstandiga-listor">;
export type MemberYearRow = PublishedRow<"forbund-medlemmar-per-ar">;
/** Without comparison_code, as the site's own code and tests build these rows today; the file has the column. */
export type ComparisonRow = Omit<PublishedRow<"tackning-jamforelse">, "comparison_code">;
