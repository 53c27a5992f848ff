import { describe, it, expect } from 'vitest';
import { cityColourEntries, CITY_COLOURS, OTHER_CITY_COLOUR } from '../../src/lib/legend/city-colours';

describe('legend of corridor colours by origin city (cc=city)', () => {
	// lines 0..5 (line 1 has two paths), cities by index; line 4 filtered out
	const city = ['wuhan', 'wuhan', 'hefei', 'metro', 'hefei', 'nowhere'];
	const mask = new Uint8Array([1, 1, 1, 1, 0, 1]);
	it('one swatch per origin city of the lines that pass the filters, counting lines not paths, most first', () => {
		const e = cityColourEntries([0, 1, 1, 2, 3, 4, 5], (i) => city[i], mask);
		expect(e.map((x) => [x.city, x.n])).toEqual([['wuhan', 2], ['hefei', 1], ['metro', 1], ['nowhere', 1]]);
		expect(e[0].colour).toEqual(CITY_COLOURS.wuhan);
		expect(e[1].colour).toEqual(CITY_COLOURS.hefei);
		// a city without a colour of its own is drawn in the fallback grey: the legend says so
		expect(e[3].colour).toEqual(OTHER_CITY_COLOUR);
	});
	it('nothing when no line passes', () => expect(cityColourEntries([0, 2], (i) => city[i], new Uint8Array(6))).toEqual([]));
});
