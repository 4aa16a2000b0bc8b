/**
 * The /diagram/png/ page: draws the chart named by ?id= as a PNG in the
 * reader's browser and saves it. The chart's standalone SVG (same origin, so
 * the canvas stays readable) is drawn on a canvas at CHART_PNG_ZOOM times its
 * size over white, shown, and offered as a file; the download starts once by
 * itself, since the reader asked for it by following "Ladda ner PNG".
 */
import { CHART_PNG_ZOOM } from "../site/charts/png-zoom";

/** Chart ids as the catalogue makes them ("kommun-0180-ohalsotal"); anything else never reaches a URL. */
const CHART_ID = /^[a-z0-9-]+$/;

const status = document.getElementById("png-status");
const result = document.getElementById("png-result");
const save = document.getElementById("png-save") as HTMLAnchorElement | null;
const sizeNote = document.getElementById("png-size");
const canvas = document.getElementById("png-canvas") as HTMLCanvasElement | null;
const links = document.getElementById("png-links");
const svgItem = document.getElementById("png-svg-item");
const svgLink = document.getElementById("png-svg") as HTMLAnchorElement | null;
const back = document.getElementById("png-back") as HTMLAnchorElement | null;

const whole = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

function say(text: string): void {
  if (status) status.textContent = text;
}

/** Back to the page the reader came from when it is on this site, else to the start page. */
function showLinks(svgHref: string | null): void {
  if (!links || !back) return;
  let from: URL | null = null;
  try {
    from = document.referrer ? new URL(document.referrer) : null;
  } catch {
    from = null;
  }
  if (from && from.origin === location.origin && from.pathname !== location.pathname) {
    back.href = from.pathname + from.search + from.hash;
    back.textContent = "Tillbaka till sidan du kom från";
  } else {
    back.href = "/";
    back.textContent = "Till startsidan";
  }
  if (svgItem && svgLink && svgHref) {
    svgLink.href = svgHref;
    svgItem.hidden = false;
  }
  links.hidden = false;
}

/** The chart's title as the SVG writes it: the first bold text, its lines joined. */
function titleOf(svgText: string): string {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const text = doc.querySelector('text[font-weight="700"]');
  const lines = text ? [...text.querySelectorAll("tspan")].map((t) => t.textContent?.trim() ?? "") : [];
  return lines.filter(Boolean).join(" ");
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`${src} did not open as an image`));
    img.src = src;
  });
}

function toBlob(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error("the canvas gave no PNG"))), "image/png"));
}

async function draw(id: string): Promise<void> {
  if (!canvas || !save || !result) return;
  const svgHref = `/diagram/${id}.svg`;
  say(`Ritar diagrammet ”${id}” …`);
  const res = await fetch(svgHref);
  if (res.status === 404) {
    say(`Det finns inget diagram med namnet ”${id}”. Kontrollera adressen, eller gå tillbaka och använd länken ”Ladda ner PNG” under diagrammet.`);
    return showLinks(null);
  }
  if (!res.ok) throw new Error(`${svgHref}: HTTP ${res.status}`);
  const title = titleOf(await res.text());
  const img = await loadImage(svgHref);
  if (!img.naturalWidth || !img.naturalHeight) throw new Error(`${svgHref} has no size`);
  const [width, height] = [img.naturalWidth * CHART_PNG_ZOOM, img.naturalHeight * CHART_PNG_ZOOM];
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2d canvas");
  // White first: the PNG has no transparent corners whatever the SVG leaves unpainted.
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, width, height);
  g.drawImage(img, 0, 0, width, height);
  const size = `${whole.format(width)} × ${whole.format(height)} px`;
  canvas.setAttribute("aria-label", `Diagrammet ${title ? `”${title}”` : `”${id}”`} som PNG-bild, ${size}, med rubrik, källa och webbplatsens namn.`);

  save.href = URL.createObjectURL(await toBlob(canvas));
  save.download = `${id}.png`;
  if (sizeNote) sizeNote.textContent = `(${id}.png, ${size})`;
  result.hidden = false;
  showLinks(svgHref);
  say(`PNG-bilden är ritad och sparas som ${id}.png. Sparades den inte, använd länken Spara PNG-bilden.`);
  save.click();
}

for (const el of document.querySelectorAll<HTMLElement>("[data-nojs]")) el.hidden = true;
const id = new URLSearchParams(location.search).get("id");
if (!id) {
  say("Inget diagram är valt. Använd länken ”Ladda ner PNG” under ett diagram, så ritas det här.");
  showLinks(null);
} else if (!CHART_ID.test(id)) {
  say(`”${id}” är inte namnet på ett diagram: namnet har bara små bokstäver a–z, siffror och bindestreck. Använd länken ”Ladda ner PNG” under diagrammet.`);
  showLinks(null);
} else {
  draw(id).catch(() => {
    say(`Diagrammet ”${id}” kunde inte ritas som PNG-bild i den här webbläsaren. Ladda i stället ner det som SVG-bild.`);
    showLinks(`/diagram/${id}.svg`);
  });
}
