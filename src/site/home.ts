/** What the start page says in figures, from the published data. */
import { allPublishedCounts, exactNationalCount, type PublishedCount } from "./foerbund/coverage";
import { kommuner } from "./data";

export interface HomeFacts {
  kommuner: number;
  /** April 2015: the only day the registry is complete for the whole country. */
  exact: PublishedCount | null;
  /** The latest published national count of förbund and member kommuner. */
  latest: PublishedCount | null;
}

/** The latest published count that gives both förbund and kommuner. */
export function latestPublished(counts: readonly PublishedCount[]): PublishedCount | null {
  const both = counts.filter((c) => c.foerbund !== null && c.kommuner !== null);
  return both.length ? both.reduce((a, b) => (b.comparedOn > a.comparedOn ? b : a)) : null;
}

export function homeFacts(): HomeFacts {
  return { kommuner: kommuner().length, exact: exactNationalCount(), latest: latestPublished(allPublishedCounts()) };
}
