/**
 * One error type for every kind of bad input, so that every failure names
 * where it happened: file, row (1-based line in the file, header = 1),
 * column and the offending value.
 */
export interface InputLocation {
  file: string;
  row?: number;
  column?: string;
  value?: unknown;
}

export class DataInputError extends Error {
  readonly location: InputLocation;
  readonly problem: string;

  constructor(location: InputLocation, problem: string) {
    super(formatLocation(location) + ": " + problem);
    this.name = "DataInputError";
    this.location = location;
    this.problem = problem;
  }
}

function formatLocation({ file, row, column, value }: InputLocation): string {
  const parts = [file];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  if (value !== undefined) parts.push(`value ${JSON.stringify(shorten(value))}`);
  return parts.join(", ");
}

function shorten(value: unknown): unknown {
  return typeof value === "string" && value.length > 80 ? value.slice(0, 77) + "..." : value;
}
