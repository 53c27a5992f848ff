/** Corridor colours by origin city (cc=city): distinct hues, Wuhan and Hefei far apart. */
import type { City } from '../data/schema';

export const CITY_COLOURS: Partial<Record<City, [number, number, number]>> = {
	wuhan: [214, 39, 40],
	hefei: [31, 119, 180],
	metro: [255, 127, 14],
	ezhou: [44, 160, 44],
	huangshi: [148, 103, 189],
	huanggang: [140, 86, 75],
	xiaogan: [227, 119, 194],
	xianning: [188, 189, 34],
	xiantao: [23, 190, 207],
	tianmen: [127, 127, 127],
	qianjiang: [0, 150, 136],
	abroad: [96, 125, 139]
};

/** the colour of a line whose origin city has none of its own (AtlasMap's fallback) */
export const OTHER_CITY_COLOUR: [number, number, number] = [90, 90, 90];

export interface CityColourEntry {
	city: string;
	colour: [number, number, number];
	/** lines of that origin city that pass the filters */
	n: number;
}

/**
 * The legend of cc=city: one swatch per origin city among the drawn lines that pass the filters
 * (`lines`: feature indices of the drawn corridors and routes), most lines first.
 */
export function cityColourEntries(lines: Iterable<number>, cityOf: (i: number) => string, mask: Uint8Array): CityColourEntry[] {
	const n = new Map<string, number>();
	for (const i of new Set(lines)) if (mask[i] === 1) n.set(cityOf(i), (n.get(cityOf(i)) ?? 0) + 1);
	return [...n]
		.map(([city, k]) => ({ city, colour: CITY_COLOURS[city as City] ?? OTHER_CITY_COLOUR, n: k }))
		.sort((a, b) => b.n - a.n || a.city.localeCompare(b.city));
}
