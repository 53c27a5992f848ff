import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { placeCityNames, nameBox, boxesOverlap, boxHitsCircle, worldPx, estimateWidth, type Ring } from '../../src/lib/map/city-collide';
import { cityTier, cityNameText, type CityName } from '../../src/lib/map/layers/city-names';
import { groupRadiusPx } from '../../src/lib/map/layers/city-groups';
import { CITY_RING_OFFSET_EM } from '../../src/lib/map/basemap';

// the atlas cities as the basemap's places give them (static/basemap/places.geojson)
const C = (name_en: string, name_zh: string, rank: number, lon: number, lat: number): CityName => ({ name_en, name_zh, rank, position: [lon, lat] });
const CITIES: CityName[] = [
	C('Wuhan', '武汉', 1, 114.2667, 30.5833),
	C('Ezhou', '鄂州', 2, 114.8333, 30.4),
	C('Huangshi', '黄石', 2, 115.0481, 30.2471),
	C('Huanggang', '黄冈', 2, 114.8704, 30.4514),
	C('Xiaogan', '孝感', 2, 113.9222, 30.9269),
	C('Xianning', '咸宁', 2, 114.322, 29.8435),
	C('Xiantao', '仙桃', 2, 113.4429, 30.3708),
	C('Tianmen', '天门', 2, 113.1537, 30.6589),
	C('Qianjiang', '潜江', 2, 112.8919, 30.421),
	C('Hefei', '合肥', 1, 117.2808, 31.8639)
];
// the rings of the opening view, as the page draws them (city:count at lon,lat; read from deck.gl's layer)
const OPENING = 'wuhan:43@114.267,30.583 hefei:40@117.281,31.864 huangshi:13@115.048,30.247 ezhou:4@114.833,30.400 huanggang:4@114.870,30.451 xiantao:4@113.443,30.371 xiaogan:4@113.922,30.927 qianjiang:3@112.892,30.421 xianning:3@114.322,29.843 huanggang:1@115.022,31.180 huanggang:1@115.553,29.851 tianmen:1@113.154,30.659 xiaogan:1@113.829,30.643';
const RINGS: Ring[] = OPENING.split(' ').map((s) => {
	const [, city, n, lon, lat] = /^(\w+):(\d+)@([\d.]+),([\d.]+)$/.exec(s)!;
	return { city, position: [Number(lon), Number(lat)], radius: groupRadiusPx(Number(n)) + 1 };
});
// the opening view's zoom at 375×740 and at 1440×900 (the page's fitted camera)
const PHONE = 5.3, DESK = 7.22;
const names = (cs: CityName[]) => cs.map((c) => c.name_en);

/** every drawn name's box, and whether any meets another city's ring or another drawn name */
function clashes(drawn: CityName[], rings: Ring[], zoom: number, lang: 'en' | 'zh') {
	const tier = cityTier(zoom);
	const boxes = drawn.map((c) => ({ c, b: nameBox(c, cityNameText(lang)(c), zoom, tier, CITY_RING_OFFSET_EM, estimateWidth) }));
	const out: string[] = [];
	for (const { c, b } of boxes) {
		if (c.rank === 1) continue;
		for (const g of rings) if (g.city !== c.name_en.toLowerCase() && boxHitsCircle(b, worldPx(g.position, zoom), g.radius)) out.push(`${c.name_en} on the ${g.city} ring`);
		for (const o of boxes) if (o.c !== c && boxesOverlap(o.b, b)) out.push(`${c.name_en} on ${o.c.name_en}`);
	}
	return out;
}

describe('atlas city names with room to be drawn (city-collide.ts)', () => {
	it('geometry: Mercator pixels, box and circle tests', () => {
		expect(worldPx([-180, 0], 0)).toEqual([0, 256]);
		expect(worldPx([0, 0], 1)).toEqual([512, 512]);
		const box = { l: 0, t: 0, r: 10, b: 10 };
		const table: [[number, number], number, boolean][] = [
			[[5, 5], 1, true], // inside
			[[15, 5], 4, false], // 5 px right of the edge
			[[15, 5], 6, true],
			[[14, 14], 5, false], // the corner is √32 ≈ 5.66 away
			[[14, 14], 6, true]
		];
		for (const [c, r, hit] of table) expect(boxHitsCircle(box, c, r), `${c} r${r}`).toBe(hit);
		expect(boxesOverlap(box, { l: 10, t: 0, r: 20, b: 10 }), 'touching edges').toBe(false);
		expect(boxesOverlap(box, { l: 9, t: 9, r: 20, b: 20 })).toBe(true);
	});

	it('on a phone the crowded names round Wuhan give way; on a desktop all ten are drawn (the opening views)', () => {
		for (const lang of ['en', 'zh'] as const) {
			const text = cityNameText(lang);
			const every = CITIES.filter((c) => c.rank <= cityTier(PHONE));
			// without the test, names lie on rings there: the check can fail
			expect(clashes(every, RINGS, PHONE, lang).length, lang).toBeGreaterThan(0);
			const phone = placeCityNames(CITIES, text, RINGS, PHONE, cityTier(PHONE), CITY_RING_OFFSET_EM);
			expect(clashes(phone, RINGS, PHONE, lang), lang).toEqual([]);
			expect(names(phone), lang).toEqual(expect.arrayContaining(['Wuhan', 'Hefei']));
			expect(phone.length, lang).toBeLessThan(every.length);
			const desk = placeCityNames(CITIES, text, RINGS, DESK, cityTier(DESK), CITY_RING_OFFSET_EM);
			expect(clashes(desk, RINGS, DESK, lang), lang).toEqual([]);
			expect(desk.length, `${lang}: ${names(desk)}`).toBe(10);
		}
	});

	it('a name lies clear of its own ring by its offset, so its own ring never hides it', () => {
		const alone = placeCityNames([CITIES[6]], cityNameText('en'), RINGS.filter((g) => g.city === 'xiantao'), PHONE, 2, CITY_RING_OFFSET_EM);
		expect(names(alone)).toEqual(['Xiantao']);
	});

	it('below zoom 4 only the capitals; they are never dropped, even on a ring', () => {
		expect(names(placeCityNames(CITIES, cityNameText('en'), RINGS, 3, 1, CITY_RING_OFFSET_EM)).sort()).toEqual(['Hefei', 'Wuhan']);
		const onWuhan: Ring = { city: 'other', position: [114.3, 30.62], radius: 22 };
		expect(names(placeCityNames([CITIES[0]], cityNameText('en'), [onWuhan], 7, 3, CITY_RING_OFFSET_EM))).toEqual(['Wuhan']);
	});

	it('property: at any zoom, in either language, with any ring counts, no drawn name meets another ring or name; the capitals always drawn, every name from zoom 9', () => {
		const counts = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: CITIES.length, maxLength: CITIES.length });
		fc.assert(
			fc.property(fc.double({ min: 4, max: 11, noNaN: true }), counts, fc.constantFrom('en' as const, 'zh' as const), (zoom, ns, lang) => {
				const rings = CITIES.flatMap((c, i) => (ns[i] > 0 ? [{ city: c.name_en.toLowerCase(), position: c.position, radius: groupRadiusPx(ns[i]) + 1 }] : []));
				const tier = cityTier(zoom);
				const drawn = placeCityNames(CITIES, cityNameText(lang), rings, zoom, tier, CITY_RING_OFFSET_EM);
				expect(clashes(drawn, rings, zoom, lang)).toEqual([]);
				// the capitals always; from zoom 9 the cities lie far enough apart for every name
				expect(names(drawn)).toEqual(expect.arrayContaining(['Wuhan', 'Hefei']));
				if (zoom >= 9) expect(drawn.length).toBe(CITIES.length);
			}),
			{ numRuns: 300 }
		);
	});
});
