/**
 * Import kommun and län boundaries (GeoJSON, WGS84) and convert them into one
 * compact, quantized TopoJSON topology with two objects, `kommuner` and `lan`,
 * whose feature ids are the codes as strings (kommunkod "0114", länskod "01").
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { Topology } from "topojson-specification";
import type { FileTree } from "../atomic";
import { DataInputError } from "../errors";
import type { Provenance } from "../schema";
import type { Areas } from "./areas";
import { checksum, readSourceJson } from "./source-files";

const KOMMUN_FILE = "geo/swedish_municipalities.geojson";
const LAN_FILE = "geo/swedish_regions.geojson";
/** Grid of the quantized coordinates; 1e4 steps over Sweden's extent is about 60 m east–west. */
const QUANTIZATION = 1e4;
/** Keep the 85 % most significant vertices: the source is already simplified, so a light touch. */
const KEEP_QUANTILE = 0.15;

export function importGeo(from: string, areas: Areas): { files: FileTree; topology: Topology } {
  const kommuner = readCollection(from, KOMMUN_FILE);
  const lan = readCollection(from, LAN_FILE);
  const kommunCodes = new Set(areas.kommuner.map((k) => k.kommunkod));
  const lanCodes = new Set(areas.lan.map((l) => l.lanskod));

  const kommunFeatures = kommuner.collection.features.map((f, i) => {
    const id = f.properties?.id;
    if (typeof id !== "string" || !kommunCodes.has(id))
      throw new DataInputError({ file: KOMMUN_FILE, row: i + 1, column: "properties.id", value: id }, "feature id is not a kommunkod in the kommun list (must be a 4-character string)");
    return bare(f, id);
  });
  const lanFeatures = lan.collection.features.map((f, i) => {
    const raw = f.properties?.l_id;
    // The source writes länskod as an integer (6, not "06"): restore the 2-character code.
    const id = typeof raw === "number" && Number.isInteger(raw) ? String(raw).padStart(2, "0") : undefined;
    if (!id || !lanCodes.has(id)) throw new DataInputError({ file: LAN_FILE, row: i + 1, column: "properties.l_id", value: raw }, "not a known länskod");
    return bare(f, id);
  });
  requireAll(kommunFeatures, kommunCodes, KOMMUN_FILE);
  requireAll(lanFeatures, lanCodes, LAN_FILE);

  // Simplify on exact coordinates, then quantize: presimplify drops a quantization transform.
  type Topo = Parameters<typeof presimplify>[0];
  let topo = topology({ kommuner: collection(kommunFeatures), lan: collection(lanFeatures) }) as Topo;
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEEP_QUANTILE));
  const stripped = quantize(stripWeights(topo as unknown as Topology) as Parameters<typeof quantize>[0], QUANTIZATION) as unknown as Topology;

  const provenance: Provenance = {
    source: "geo",
    title: "Kommun- och länsgränser (TopoJSON)",
    publisher: "okfse/sweden-geojson (förenklade gränser)",
    original_publishers: ["Valmyndigheten (via opendatasoft)"],
    licence: "Ingen licens angiven (\"Feel free to reuse\"); ursprungsdata från Valmyndigheten",
    period: "Indelning omkring 2020 (oförändrad sedan 2007)",
    retrieval: {
      method: `GeoJSON från github.com/okfse/sweden-geojson, omvandlat till TopoJSON med topojson-server (kvantisering ${QUANTIZATION}), förenklat med topojson-simplify (${Math.round((1 - KEEP_QUANTILE) * 100)} % av hörnen kvar).`,
      archive: "github.com/okfse/sweden-geojson @ ff67bcb030d7d09032ae5f443d27130f05fdf1e0",
      archived_on: "2020-06-07",
      url: "https://github.com/okfse/sweden-geojson",
    },
    files: [
      {
        path: "sweden.topo.json",
        title: "Kommuner (290) och län (21), id = kommunkod resp. länskod",
        from: [checksum(kommuner.source), checksum(lan.source)],
        source_ref: "swedish_municipalities.geojson, swedish_regions.geojson",
        rows: kommunFeatures.length + lanFeatures.length,
      },
    ],
    notes: ["Gränserna är kraftigt förenklade (öar och kust grova) och passar för översiktskartor, inte för mätning."],
  };
  return {
    topology: stripped,
    files: new Map([
      ["sweden.topo.json", JSON.stringify(stripped) + "\n"],
      ["provenance.json", JSON.stringify(provenance, null, 2) + "\n"],
    ]),
  };
}

function readCollection(from: string, file: string) {
  const { json, source } = readSourceJson(from, file);
  const c = json as Partial<FeatureCollection>;
  if (c?.type !== "FeatureCollection" || !Array.isArray(c.features) || c.features.length === 0)
    throw new DataInputError({ file, column: "type", value: c?.type }, "not a GeoJSON FeatureCollection with features");
  c.features.forEach((f, i) => {
    if (!f?.geometry || !["Polygon", "MultiPolygon"].includes(f.geometry.type))
      throw new DataInputError({ file, row: i + 1, column: "geometry.type", value: f?.geometry?.type }, "expected a Polygon or MultiPolygon");
    const polygons = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : (f.geometry as { coordinates: unknown }).coordinates) as unknown;
    const problem = polygonsProblem(polygons);
    if (problem) throw new DataInputError({ file, row: i + 1, column: `geometry.coordinates${problem.at}`, value: problem.value }, problem.message);
  });
  return { collection: c as FeatureCollection, source };
}

/**
 * Every polygon is a list of rings, every ring at least 4 positions of two
 * finite numbers (longitude, latitude). Null or text coordinates would
 * otherwise become null arcs in the topology and break the map at build time.
 * Returns where (an index path) and what is wrong, or null.
 */
function polygonsProblem(polygons: unknown): { at: string; value: string; message: string } | null {
  const bad = (at: string, value: unknown, message: string) => ({ at, value: JSON.stringify(value)?.slice(0, 80) ?? String(value), message });
  if (!Array.isArray(polygons) || polygons.length === 0) return bad("", polygons, "no polygons");
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return bad(`[${p}]`, rings, "a polygon needs at least one ring");
    for (const [r, ring] of rings.entries()) {
      if (!Array.isArray(ring) || ring.length < 4) return bad(`[${p}][${r}]`, ring, "a ring needs at least 4 positions");
      for (const [q, pos] of ring.entries())
        if (!Array.isArray(pos) || pos.length < 2 || !pos.slice(0, 2).every((x) => typeof x === "number" && Number.isFinite(x)))
          return bad(`[${p}][${r}][${q}]`, pos, "a position must be two finite numbers (longitude, latitude)");
    }
  }
  return null;
}

function bare(f: Feature, id: string): Feature<Geometry> {
  return { type: "Feature", id, properties: {}, geometry: windForD3(f.geometry) };
}

type Ring = number[][];
/** Planar shoelace sign: > 0 when the ring runs clockwise with latitude pointing up. */
const clockwise = (ring: Ring) => ring.reduce((sum, p, i) => {
  const q = ring[(i + 1) % ring.length]!;
  return sum + (q[0]! - p[0]!) * (q[1]! + p[1]!);
}, 0) > 0;
const orient = (rings: Ring[]) => rings.map((ring, i) => (clockwise(ring) === (i === 0) ? ring : [...ring].reverse()));

/**
 * The source follows RFC 7946 (exterior rings counter-clockwise), but d3-geo,
 * which Plot uses, reads a counter-clockwise exterior as "the whole globe
 * except this area". Exterior rings clockwise, holes counter-clockwise.
 */
function windForD3(geometry: Geometry): Geometry {
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: orient(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: geometry.coordinates.map(orient) };
  return geometry;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features: [...features].sort((a, b) => String(a.id).localeCompare(String(b.id))) };
}

function requireAll(features: Feature[], codes: Set<string>, file: string): void {
  const seen = new Set<string>();
  features.forEach((f, i) => {
    const id = String(f.id);
    if (seen.has(id)) throw new DataInputError({ file, row: i + 1, column: "id", value: id }, "two features with the same code");
    seen.add(id);
  });
  for (const code of codes) if (!seen.has(code)) throw new DataInputError({ file, column: "id", value: code }, "no boundary for this code");
}

/** presimplify stores a weight as a third coordinate, only needed while simplifying: keep x,y. */
function stripWeights(topo: Topology): Topology {
  topo.arcs = topo.arcs.map((arc) => arc.map((p) => [p[0]!, p[1]!]));
  return topo;
}
