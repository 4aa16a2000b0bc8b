/** The check every printed table shares: a value read from a cell must be the number the cell shows. */
import { DataInputError } from "../errors";
import type { PrintedFigure } from "../schema";

/**
 * Where the printed cell is a plain number ("1 062", "45 %", "243 pers.",
 * "–3,5"), the value must be exactly that number; a cell with only a dash or
 * nothing must have no value. Other cells ("637/425", prose) are not checked.
 */
export function checkPrintedMatches(f: Pick<PrintedFigure, "value" | "value_printed">, at: ConstructorParameters<typeof DataInputError>[0]): void {
  const printed = f.value_printed.replace(/\s+/g, "").replace(/(%|pers\.)$/, "").replace(/^[–−]/, "-");
  if (/^-?\d+(,\d+)?$/.test(printed)) {
    const n = Number(printed.replace(",", "."));
    if (f.value !== n) throw new DataInputError(at, `value differs from the printed cell "${f.value_printed}"`);
  } else if (/^[–-]?$/.test(printed) && f.value !== null) {
    throw new DataInputError(at, `the printed cell "${f.value_printed}" has no number, but a value is given`);
  }
}
