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
