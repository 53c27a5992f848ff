/**
 * The names of the atlas cities (Wuhan, Hefei and the metropolitan-area cities), drawn on deck.gl's
 * canvas above the markers (#14 item 9): MapLibre's own city labels lie under deck.gl's canvas, so in
 * central Wuhan the markers covered "Wuhan". MapLibre keeps its copy of these names, transparent, so
 * that feature labels still give way to them (basemap.ts: city-labels); this layer draws what it placed,
 * at the same zoom tiers, beside the point by the same offset that clears a city-group ring.
 */
import { TextLayer } from '@deck.gl/layers';
import { CITY_BELOW_LEFT, CITY_NAME_ANCHOR, CITY_ABOVE_LEFT_AT_TIER1, CITY_TIER2_ZOOM, CITY_TIER3_ZOOM } from '../basemap';
import { radialOffset } from '../anchor-offset';

export interface CityName {
	name_en: string;
	name_zh: string;
	/** basemap rank: 1 Wuhan, Hefei; 2 the other metropolitan-area cities */
	rank: number;
	position: [number, number];
}

/** the ranks MapLibre's city-labels show at a zoom (basemap.ts CITY_TIER_FILTER, the same thresholds) */
export const cityTier = (zoom: number) => (zoom < CITY_TIER2_ZOOM ? 1 : zoom < CITY_TIER3_ZOOM ? 2 : 3);

/** text size per rank, as MapLibre's city-labels ('text-size': match rank 1 → 14, 2 → 12, else 11) */
export const citySize = (rank: number) => (rank === 1 ? 14 : rank === 2 ? 12 : 11);

/**
 * Where the name sits: above-right of the point, by the radial offset that clears a ring, except where
 * two cities lie a few pixels apart (Ezhou beside Huanggang): that one goes below-left; and while only
 * the capitals are named (tier 1), Wuhan's goes above-left, away from Hefei's. MapLibre's transparent
 * copy has this one place too (basemap.ts cityAnchorOffset).
 */
export function cityPlacement(c: CityName, ringOffsetEm: number, tier = 3) {
	// MapLibre's anchor offset in pixels (basemap.ts cityAnchorOffset has the same one place, in ems)
	const r = ringOffsetEm * citySize(c.rank);
	if (CITY_BELOW_LEFT.includes(c.name_en)) return { anchor: 'end' as const, baseline: 'top' as const, offset: radialOffset(CITY_NAME_ANCHOR.belowLeft, r) };
	// only the capitals named: Wuhan's to the west, Hefei's (20 px east at zoom 3) to the east
	if (tier === 1 && CITY_ABOVE_LEFT_AT_TIER1.includes(c.name_en)) return { anchor: 'end' as const, baseline: 'bottom' as const, offset: radialOffset(CITY_NAME_ANCHOR.aboveLeft, r) };
	return { anchor: 'start' as const, baseline: 'bottom' as const, offset: radialOffset(CITY_NAME_ANCHOR.aboveRight, r) };
}

export const CITY_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';
export const CITY_FONT_WEIGHT = 600;

/** the plate's padding round a name [left, top, right, bottom] (the collision test's boxes include it) */
export const CITY_NAME_PADDING: [number, number, number, number] = [3, 1, 3, 1];

export const cityNameText = (lang: 'zh' | 'en') => (c: CityName) => (lang === 'zh' ? c.name_zh || c.name_en : c.name_en);

/**
 * tier: cityTier of the camera's zoom; drawn: the names to draw (city-collide.ts placeCityNames), by
 * default every name of the tier. The glyphs are those of every city, so the atlas is built once.
 */
export function cityNamesLayer(cities: CityName[], tier: number, lang: 'zh' | 'en', ringOffsetEm: number, drawn?: readonly CityName[]) {
	const shown = drawn ? [...drawn] : cities.filter((c) => c.rank <= tier);
	// one placement per city feeds the three accessors
	const place = new Map(shown.map((c) => [c, cityPlacement(c, ringOffsetEm, tier)]));
	const at = (c: CityName) => place.get(c) ?? cityPlacement(c, ringOffsetEm, tier);
	return new TextLayer<CityName>({
		id: 'city-names',
		data: shown,
		visible: shown.length > 0,
		getPosition: (c) => c.position,
		getText: cityNameText(lang),
		getSize: (c) => citySize(c.rank),
		sizeUnits: 'pixels',
		getColor: [34, 34, 34, 255],
		getTextAnchor: (c) => at(c).anchor,
		getAlignmentBaseline: (c) => at(c).baseline,
		getPixelOffset: (c) => at(c).offset,
		// a light plate instead of a halo: readable over markers and lines alike
		background: true,
		getBackgroundColor: [255, 255, 255, 225],
		backgroundPadding: CITY_NAME_PADDING,
		fontFamily: CITY_FONT,
		fontWeight: CITY_FONT_WEIGHT,
		characterSet: [...new Set(cities.flatMap((c) => [...c.name_en, ...c.name_zh]))],
		updateTriggers: { getText: lang, getTextAnchor: tier, getAlignmentBaseline: tier, getPixelOffset: tier }
	});
}
