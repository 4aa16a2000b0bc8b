/**
 * Short code snippets for reading a published CSV in R, Python (pandas) and
 * DuckDB, generated from the dataset's schema so they name its real columns.
 * Codes (kommunkod 0114, länskod 01, riket 00) are text: read as numbers they
 * lose their leading zero, so every code column is read as text explicitly.
 * Pure module: the data page passes the resource and the file's address.
 */

export interface SnippetResource {
  name: string;
  path: string;
  schema: { fields: Array<{ name: string; type: string }> };
}

/** Columns that hold codes: text columns named code/kod, or ending in _code(s)/kod. */
export function codeColumns(r: SnippetResource): string[] {
  return r.schema.fields.filter((f) => f.type === "string" && /(^|_)(code|codes|kod|kommunkod|lanskod)$/.test(f.name)).map((f) => f.name);
}

/** An R/Python identifier from a dataset name ("forbund-indikatorer" → "forbund_indikatorer"). */
const variable = (name: string) => name.replace(/[^a-z0-9]+/g, "_");

export interface Snippets {
  r: string;
  python: string;
  duckdb: string;
}

export function readSnippets(r: SnippetResource, url: string): Snippets {
  const codes = codeColumns(r);
  const v = variable(r.name);
  const rClasses = codes.length ? `, colClasses = c(${codes.map((c) => `${c} = "character"`).join(", ")})` : "";
  const pyTypes = codes.length ? `, dtype={${codes.map((c) => `"${c}": str`).join(", ")}}` : "";
  const duckTypes = codes.length ? `, types = {${codes.map((c) => `'${c}': 'VARCHAR'`).join(", ")}}` : "";
  return {
    r: `${v} <- read.csv("${url}", encoding = "UTF-8"${rClasses})`,
    python: `import pandas as pd\n${v} = pd.read_csv("${url}"${pyTypes})`,
    duckdb: `SELECT * FROM read_csv('${url}', header = true${duckTypes});`,
  };
}
