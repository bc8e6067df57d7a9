import { createRequire } from 'node:module';

/** Loaded with the first chart drawn, not on every start. */
const resvg = () => createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

/**
 * SVG to PNG with resvg (a prebuilt native binary from npm, nothing downloaded at install). System
 * fonts are loaded for the labels; DejaVu Sans is first in the chart's font list and ships with
 * most Linux images.
 */
export function svgToPng(svg: string): Buffer {
  return new (resvg().Resvg)(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
}
