import type { Map as MLMap } from 'maplibre-gl';

/**
 * Whether the map's style itself is parsed (its layers exist and can be changed), whatever its tiles are
 * doing. MapLibre's isStyleLoaded() is also false while any source loads tiles, so a change guarded by it
 * (a language switch, a label filter, the measure line) was dropped whenever it came during a pan or a
 * zoom, and nothing applied it later: a zh map kept its English country names.
 */
export function styleParsed(map: MLMap): boolean {
	return !!map.style?._loaded;
}

/** Run `apply` now if the style is parsed, and again after every style load (a basemap switch); returns the unhook. */
export function onEveryStyle(map: MLMap, apply: () => void): () => void {
	if (styleParsed(map)) apply();
	map.on('style.load', apply);
	return () => map.off('style.load', apply);
}
