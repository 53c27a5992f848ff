/**
 * The legend in one module: groups (kinds, colour, symbol, default on), the symbol shapes (SVG paths
 * and the deck.gl icon atlas) and the looks of the location precisions. The map, the legend panel
 * and the PNG export all read it, so they cannot disagree.
 */
export { GROUPS, GROUP_IDS, DEFAULT_LAYERS, groupOf, type Group, type Symbol } from './groups';
export { SYMBOL_PATHS, buildIconAtlas, type IconAtlas } from './symbols';
export { PRECISION_STYLE } from './precision';
