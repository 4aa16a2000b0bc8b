/**
 * The check for figures taken from running text: a value must be a number the
 * quoted sentence states, as digits ("1,5", "280 000") or in words ("fem",
 * "en halv", "två tredjedelar"). The word list is the conversion the extract's
 * notes document (hälften = 50, en tredjedel = 33 …); nothing else is accepted.
 */
import { DataInputError, type InputLocation } from "../errors";

const WORDS: Record<string, number> = {
  noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, trettio: 30,
  hälften: 50, varannan: 50,
};
/** Two-word phrases: a fraction stated as a share of a group, read as percent. */
const PHRASES: Record<string, number> = {
  "en halv": 0.5,
  "en tredjedel": 33,
  "två tredjedelar": 67,
  "en fjärdedel": 25,
  "var fjärde": 25,
  "tre fjärdedelar": 75,
  "en femtedel": 20,
};

/** Every number the text states. Digit groups split by spaces ("70 000 100 000") yield each possible reading. */
export function statedNumbers(quote: string): number[] {
  const found: number[] = [];
  for (const m of quote.matchAll(/\d+(?:[ \u00a0]\d{3})*(?:,\d+)?/g)) {
    const groups = m[0].split(/[ \u00a0]/);
    for (let i = 0; i < groups.length; i++)
      for (let j = i; j < groups.length; j++) {
        if (i > 0 && groups[i]!.length !== 3 && !groups[i]!.includes(",")) continue;
        found.push(Number(groups.slice(i, j + 1).join("").replace(",", ".")));
      }
  }
  const words = quote.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  words.forEach((w, i) => {
    if (w in WORDS) found.push(WORDS[w]!);
    const pair = `${w} ${words[i + 1] ?? ""}`;
    if (pair in PHRASES) found.push(PHRASES[pair]!);
  });
  return found;
}

/** Fail unless |value| (and the high end of a range) is a number the quote states. */
export function checkStated(value: string, quote: string, at: InputLocation): void {
  if (value === "") return;
  const n = Math.abs(Number(value));
  if (!statedNumbers(quote).some((x) => Math.abs(x - n) < 1e-9))
    throw new DataInputError({ ...at, value }, `the number is not stated in the quoted text "${quote.length > 60 ? quote.slice(0, 57) + "..." : quote}"`);
}
