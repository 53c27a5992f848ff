import { describe, it, expect } from 'vitest';
import { cityNamesLayer, cityPlacement, cityTier, citySize, type CityName } from '../../src/lib/map/layers/city-names';
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
		// other cities keep four corners to choose from
		expect(at('Anqing').length).toBe(8);
	});
});
