/** Chart PNGs are drawn at twice the SVG's size, sharp on high-density screens and in print. Its own module so pages can state the size without loading the rasterizer. */
export const CHART_PNG_ZOOM = 2;
