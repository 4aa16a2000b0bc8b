/**
 * The /sok/ page: filter names as you type. The index is fetched on first
 * use; without JavaScript the form reloads /sok/, which lists everything.
 */
import { searchEntries, type SearchEntry, type SearchHit } from "../site/search";

const form = document.getElementById("sok-form") as HTMLFormElement | null;
const input = document.getElementById("sok-fraga") as HTMLInputElement | null;
const list = document.getElementById("sok-resultat");
const status = document.getElementById("sok-status");
// The full list is for readers without JavaScript; with it, results replace it while a query is typed.
const everything = document.getElementById("sok-alla");
for (const el of document.querySelectorAll<HTMLElement>("[data-nojs]")) el.hidden = true;

let index: Promise<SearchEntry[]> | undefined;
const loadIndex = () => (index ??= fetch("/sok/index.json").then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))));


function show(results: SearchHit[], query: string): void {
  if (!list || !status) return;
  if (everything) everything.hidden = query.trim() !== "";
  list.replaceChildren(
    ...results.map((e) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.name;
      const where = [e.type, e.code ? `kod ${e.code}` : "", e.context].filter(Boolean).join(", ");
      li.append(a, ` – ${where}${e.foundBy ? ` (hittad på tidigare namnet ${e.foundBy})` : ""}`);
      return li;
    }),
  );
  status.textContent = !query.trim() ? "" : results.length === 0 ? `Ingen träff på ”${query}”.` : `${results.length} ${results.length === 1 ? "träff" : "träffar"}.`;
}

async function update(): Promise<SearchHit[]> {
  if (!input) return [];
  try {
    const results = searchEntries(await loadIndex(), input.value);
    show(results, input.value);
    return results;
  } catch {
    if (status) status.textContent = "Sökningen kunde inte laddas. Använd listan över alla kommuner.";
    return [];
  }
}

if (form && input) {
  input.addEventListener("focus", () => void loadIndex(), { once: true });
  input.addEventListener("input", () => void update());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const results = await update();
    // One hit: go there. Otherwise stay and let the reader choose.
    if (results.length === 1) location.assign(results[0]!.url);
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    void update();
  }
}
