import { describe, it, expect } from 'vitest';
import { cityNamesLayer, cityPlacement, cityTier, citySize, cityNameText, type CityName } from '../../src/lib/map/layers/city-names';
import { nameBox, boxesOverlap, estimateWidth } from '../../src/lib/map/city-collide';
import { CITY_RING_OFFSET_EM, cityAnchorOffset } from '../../src/lib/map/basemap';

const wuhan: CityName = { name_en: 'Wuhan', name_zh: '武汉', rank: 1, position: [114.2667, 30.5833] };
const ezhou: CityName = { name_en: 'Ezhou', name_zh: '鄂州', rank: 2, position: [114.8333, 30.4] };
const huanggang: CityName = { name_en: 'Huanggang', name_zh: '黄冈', rank: 2, position: [114.8704, 30.4514] };

describe('atlas city names drawn above the markers', () => {
	it('shows the ranks MapLibre shows at each zoom (its city-labels filter)', () => {
		const table: [number, number][] = [[2, 1], [3.99, 1], [4, 2], [6.49, 2], [6.5, 3], [11, 3]];
		for (const [z, tier] of table) expect(cityTier(z), `zoom ${z}`).toBe(tier);
		expect(cityNamesLayer([wuhan, ezhou], 1, 'en', CITY_RING_OFFSET_EM).props.data).toEqual([wuhan]);
		expect(cityNamesLayer([wuhan, ezhou], 2, 'en', CITY_RING_OFFSET_EM).props.data).toEqual([wuhan, ezhou]);
	});
	it('sizes as MapLibre does and clears a ring by the same radial offset', () => {
		expect([1, 2, 3].map(citySize)).toEqual([14, 12, 11]);
		const p = cityPlacement(wuhan, CITY_RING_OFFSET_EM);
		expect(Math.hypot(...p.offset)).toBeCloseTo(CITY_RING_OFFSET_EM * 14, 6);
		expect(p).toMatchObject({ anchor: 'start', baseline: 'bottom' });
	});
	it('puts Ezhou on the other side from Huanggang, a few pixels away', () => {
		const e = cityPlacement(ezhou, CITY_RING_OFFSET_EM), h = cityPlacement(huanggang, CITY_RING_OFFSET_EM);
		expect(Math.sign(e.offset[1])).toBe(-Math.sign(h.offset[1]));
		expect(Math.sign(e.offset[0])).toBe(-Math.sign(h.offset[0]));
	});
	it('says the name in the interface language and holds every glyph it needs', () => {
		const l = cityNamesLayer([wuhan, ezhou], 3, 'zh', CITY_RING_OFFSET_EM);
		const getText = l.props.getText as (c: CityName) => string;
		expect([wuhan, ezhou].map(getText)).toEqual(['武汉', '鄂州']);
		const set = new Set(l.props.characterSet as string[]);
		for (const ch of '武汉鄂州WuhanEzhou') expect(set.has(ch), ch).toBe(true);
		expect(l.id).toBe('city-names');
	});
	it("MapLibre's transparent copy has one place, the one deck.gl draws the name at (so the space it reserves is the drawn name's)", async () => {
		const { createExpression, latest } = await import('@maplibre/maplibre-gl-style-spec');
		// typed by the property's own spec, as MapLibre parses it (the branches' arrays differ in length)
		const e = createExpression(cityAnchorOffset(), (latest as unknown as Record<string, Record<string, never>>).layout_symbol['text-variable-anchor-offset']);
		expect(e.result).toBe('success');
		const at = (name_en: string) => (e.value as { evaluate(g: object, f: object): unknown[] }).evaluate({ zoom: 7 }, { type: 1, properties: { name_en } });
		for (const c of [wuhan, ezhou, huanggang]) {
			const p = cityPlacement(c, CITY_RING_OFFSET_EM);
			const [anchor, [x, y]] = at(c.name_en) as [string, [number, number]];
			// one place (repeated: match wants outputs of one length)
			expect(new Set(at(c.name_en).map((v) => JSON.stringify(v))).size, c.name_en).toBe(2);
			// deck.gl's start/bottom is MapLibre's bottom-left anchor, end/top its top-right
			expect(anchor).toBe(p.anchor === 'start' ? 'bottom-left' : 'top-right');
			// MapLibre's offset is in ems of the label's size, deck.gl's in pixels
			expect(x * citySize(c.rank)).toBeCloseTo(p.offset[0], 1);
			expect(y * citySize(c.rank)).toBeCloseTo(p.offset[1], 1);
		}
	});
	it('while only the capitals are named, Wuhan\'s name and Hefei\'s never overlap (each zoom below 4, both languages)', async () => {
		const hefei: CityName = { name_en: 'Hefei', name_zh: '合肥', rank: 1, position: [117.2272, 31.8206] };
		// the drawn box (city-collide.ts: Mercator pixels, the plate included; width 0.65 em a Latin letter, 1 em a Han character)
		const box = (c: CityName, z: number, lang: 'en' | 'zh', tier = cityTier(z)) => nameBox(c, cityNameText(lang)(c), z, tier, CITY_RING_OFFSET_EM, estimateWidth);
		const overlap = boxesOverlap;
		for (let z = 1.5; z < 4; z += 0.05)
			for (const lang of ['en', 'zh'] as const) expect(overlap(box(wuhan, z, lang), box(hefei, z, lang)), `zoom ${z.toFixed(2)} ${lang}`).toBe(false);
		// the old place (both above-right, as from zoom 4) did overlap there: the check can fail
		expect(overlap(box(wuhan, 2.7, 'en', 3), box(hefei, 2.7, 'en', 3))).toBe(true);
		expect(cityPlacement(wuhan, CITY_RING_OFFSET_EM, 1).anchor).toBe('end');
		expect(cityPlacement(hefei, CITY_RING_OFFSET_EM, 1).anchor).toBe('start');
		expect(cityPlacement(wuhan, CITY_RING_OFFSET_EM, 2).anchor).toBe('start');
		// MapLibre's transparent copy moves with it: bottom-right below zoom 4, bottom-left from 4
		const { createExpression, latest } = await import('@maplibre/maplibre-gl-style-spec');
		const e = createExpression(cityAnchorOffset(), (latest as unknown as Record<string, Record<string, never>>).layout_symbol['text-variable-anchor-offset']);
		const at = (zoom: number, name_en: string) => (e.value as { evaluate(g: object, f: object): unknown[] }).evaluate({ zoom }, { type: 1, properties: { name_en } });
		const [a3, [x3, y3]] = at(3, 'Wuhan') as [string, [number, number]];
		const p3 = cityPlacement(wuhan, CITY_RING_OFFSET_EM, 1);
		expect(a3).toBe('bottom-right');
		expect(x3 * citySize(1)).toBeCloseTo(p3.offset[0], 1);
		expect(y3 * citySize(1)).toBeCloseTo(p3.offset[1], 1);
		expect(at(4, 'Wuhan')[0]).toBe('bottom-left');
		expect(at(3, 'Hefei')[0]).toBe('bottom-left');
	});
});
