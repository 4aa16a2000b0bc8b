/**
 * Maps of förbund areas, drawn to SVG at build time with d3-geo from the
 * kommun and län boundaries the pipeline publishes (sverige.topo.json:
 * simplified, wound for d3). Coordinates are rounded to a tenth of a pixel and
 * points closer than ~0.6 px dropped, so a map stays a few kilobytes.
 */
import { geoPath, geoTransverseMercator, type GeoPermissibleObjects } from "d3";
import { feature, merge } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection } from "topojson-specification";
import { topology, type MapStatus } from "../data";
import { roundPx } from "./render";

type Features = Map<string, Feature<Geometry>>;
let kommunFeatures: Features | undefined;
let lanFeatures: Features | undefined;

function features(object: "kommuner" | "lan"): Features {
  const t = topology();
  const fc = feature(t, t.objects[object] as GeometryCollection) as FeatureCollection<Geometry>;
  return new Map(fc.features.map((f) => [String(f.id), f]));
}

function kommunFeature(code: string): Feature<Geometry> | undefined {
  kommunFeatures ??= features("kommuner");
  return kommunFeatures.get(code);
}

function allLan(): Features {
  lanFeatures ??= features("lan");
  return lanFeatures;
}

/** A d3 path context writing short SVG path data. */
class CompactPath {
  private d: string[] = [];
  private lx = NaN;
  private ly = NaN;
  private start = true;
  constructor(private readonly minStep = 0.6) {}
  moveTo(x: number, y: number) {
    this.d.push(`M${r(x)},${r(y)}`);
    this.lx = x;
    this.ly = y;
    this.start = true;
  }
  lineTo(x: number, y: number) {
    if (!this.start && Math.hypot(x - this.lx, y - this.ly) < this.minStep) return;
    this.d.push(`L${r(x)},${r(y)}`);
    this.lx = x;
    this.ly = y;
    this.start = false;
  }
  closePath() {
    this.d.push("Z");
  }
  arc() {}
  rect() {}
  toString() {
    return this.d.join("");
  }
}
const r = roundPx;

function pathData(projection: ReturnType<typeof geoTransverseMercator>, object: GeoPermissibleObjects, minStep = 0.6): string {
  const ctx = new CompactPath(minStep);
  geoPath(projection, ctx as unknown as CanvasRenderingContext2D)(object);
  return ctx.toString();
}

function projectionFor(object: GeoPermissibleObjects, width: number, height: number, pad = 6) {
  return geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      object,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

export type { MapStatus };

export interface MapPart {
  code: string;
  d: string;
  status: MapStatus | "other";
  label: string;
}

export interface AreaMap {
  width: number;
  height: number;
  /** Kommuner in the förbund's län (and members outside it), with status. */
  kommuner: MapPart[];
  /** Outlines of the surrounding län (context). */
  context: string;
  /** Thick outlines of the förbund's län. */
  lanOutline: string;
  /** A small map of Sweden with the län highlighted. */
  locator: { width: number; height: number; sweden: string; highlight: string };
}

/**
 * A map of the förbund's län with its member kommuner highlighted: certain
 * members solid, only possible members hatched. `status` maps kommunkod → status.
 */
export function foerbundAreaMap(lanCodes: readonly string[], status: ReadonlyMap<string, "certain" | "possible">, name: (code: string) => string, width = 360): AreaMap {
  const lanMap = allLan();
  const ownLan = lanCodes.map((c) => lanMap.get(c)).filter((f): f is Feature<Geometry> => f !== undefined);
  const memberFeatures = [...status.keys()].map(kommunFeature).filter((f): f is Feature<Geometry> => f !== undefined);
  const focus: FeatureCollection = { type: "FeatureCollection", features: [...ownLan, ...memberFeatures] };
  // Height from the focus area's shape, within sensible bounds.
  const probe = projectionFor(focus, 1000, 1000, 0);
  const [[bx0, by0], [bx1, by1]] = geoPath(probe).bounds(focus);
  const aspect = Math.min(1.6, Math.max(0.6, (by1 - by0) / Math.max(1, bx1 - bx0)));
  const height = Math.round(width * aspect);
  const proj = projectionFor(focus, width, height);
  const codes = new Set<string>();
  kommunFeatures ??= features("kommuner");
  for (const [code] of kommunFeatures) if (lanCodes.includes(code.slice(0, 2)) || status.has(code)) codes.add(code);
  const kommuner: MapPart[] = [...codes].sort().map((code) => ({
    code,
    d: pathData(proj, kommunFeature(code)!),
    status: status.get(code) ?? "other",
    label: name(code),
  }));
  const others = [...lanMap].filter(([c]) => !lanCodes.includes(c)).map(([, f]) => f);
  const context = pathData(proj, { type: "FeatureCollection", features: others } as GeoPermissibleObjects);
  const lanOutline = pathData(proj, { type: "FeatureCollection", features: ownLan } as GeoPermissibleObjects);
  return { width, height, kommuner, context, lanOutline, locator: locatorMap(lanCodes) };
}

const locatorCache = new Map<string, string>();

function locatorMap(lanCodes: readonly string[]): AreaMap["locator"] {
  const width = 70;
  const height = 150;
  const t = topology();
  const lanObject = t.objects.lan as GeometryCollection;
  const swedenShape = merge(t, lanObject.geometries as never);
  const proj = geoTransverseMercator().rotate([-15, 0]).fitExtent([[2, 2], [width - 2, height - 2]], swedenShape);
  let sweden = locatorCache.get("sweden");
  if (!sweden) locatorCache.set("sweden", (sweden = pathData(proj, swedenShape, 1.2)));
  const own = lanObject.geometries.filter((g) => lanCodes.includes(String(g.id)));
  const highlight = pathData(proj, merge(t, own as never), 1.2);
  return { width, height, sweden, highlight };
}

/** All 290 kommuner for a national map, each with its status. */
export function swedenKommunMap(status: ReadonlyMap<string, MapStatus>, name: (code: string) => string, width = 320): { width: number; height: number; kommuner: MapPart[]; lan: string } {
  const t = topology();
  const all = feature(t, t.objects.kommuner as GeometryCollection) as FeatureCollection<Geometry>;
  const height = Math.round(width * 2.15);
  const proj = projectionFor(all, width, height);
  kommunFeatures ??= features("kommuner");
  const kommuner = [...kommunFeatures].map(([code, f]) => ({ code, d: pathData(proj, f, 0.8), status: status.get(code) ?? ("unknown" as const), label: name(code) }));
  const lan = pathData(proj, { type: "FeatureCollection", features: [...allLan().values()] } as GeoPermissibleObjects, 0.8);
  return { width, height, kommuner, lan };
}
