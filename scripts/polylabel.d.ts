/** polylabel 2.1.0 ships no types: the one function the basemap build calls. */
declare module 'polylabel' {
	/** the pole of inaccessibility of a polygon (rings of [x, y]), found to within `precision`, and its distance to the outline */
	export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number };
}
