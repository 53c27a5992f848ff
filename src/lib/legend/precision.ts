/**
 * How each location precision looks on the map: the layer functions draw with these numbers and the
 * legend's precision key (LayerPanel) shows the same looks.
 */
export const PRECISION_STYLE = {
	/** area (~5 km): a translucent disc under the marker */
	area: { radiusM: 2500, fillAlpha: 45, lineAlpha: 90, lineWidth: 1 },
	/** city only: a hollow ring */
	city: { radiusM: 2200, fillAlpha: 0, lineAlpha: 210, lineWidth: 2 },
	/** a halo says "about here": bounded on screen so it does not flood the map when zoomed in */
	minPixels: 8,
	maxPixels: 24,
	/** schematic corridors and approximate outlines are dashed */
	schematicDash: [5, 2.5] as [number, number],
	outlineDash: [4, 3] as [number, number],
	/** city-only markers are drawn smaller than located ones */
	citySizeFactor: 0.75
} as const;
