/**
 * The names of the atlas cities (Wuhan, Hefei and the metropolitan-area cities), drawn on deck.gl's
 * canvas above the markers (#14 item 9): MapLibre's own city labels lie under deck.gl's canvas, so in
 * central Wuhan the markers covered "Wuhan". MapLibre keeps its copy of these names, transparent, so
 * that feature labels still give way to them (basemap.ts: city-labels); this layer draws what it placed,
 * at the same zoom tiers, beside the point by the same offset that clears a city-group ring.
 */
import { TextLayer } from '@deck.gl/layers';
import { CITY_BELOW_LEFT, CITY_NAME_ANCHOR, CITY_ABOVE_LEFT_AT_TIER1, CITY_TIER2_ZOOM } from '../basemap';
import { radialOffset } from '../anchor-offset';

export interface CityName {
	name_en: string;
	name_zh: string;
	/** basemap rank: 1 Wuhan, Hefei; 2 the other metropolitan-area cities */
	rank: number;
	position: [number, number];
}

/** the ranks MapLibre's city-labels show at a zoom (its filter: rank ≤ step(zoom, 1, 4, 2, 6.5, 3)) */
export const cityTier = (zoom: number) => (zoom < CITY_TIER2_ZOOM ? 1 : zoom < 6.5 ? 2 : 3);

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

/** tier: cityTier of the camera's zoom (the layer changes only when it does) */
export function cityNamesLayer(cities: CityName[], tier: number, lang: 'zh' | 'en', ringOffsetEm: number) {
	const shown = cities.filter((c) => c.rank <= tier);
	const text = (c: CityName) => (lang === 'zh' ? c.name_zh || c.name_en : c.name_en);
	return new TextLayer<CityName>({
		id: 'city-names',
		data: shown,
		visible: shown.length > 0,
		getPosition: (c) => c.position,
		getText: text,
		getSize: (c) => citySize(c.rank),
		sizeUnits: 'pixels',
		getColor: [34, 34, 34, 255],
		getTextAnchor: (c) => cityPlacement(c, ringOffsetEm, tier).anchor,
		getAlignmentBaseline: (c) => cityPlacement(c, ringOffsetEm, tier).baseline,
		getPixelOffset: (c) => cityPlacement(c, ringOffsetEm, tier).offset,
		// a light plate instead of a halo: readable over markers and lines alike
		background: true,
		getBackgroundColor: [255, 255, 255, 225],
		backgroundPadding: [3, 1, 3, 1],
		fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
		fontWeight: 600,
		characterSet: [...new Set(cities.flatMap((c) => [...c.name_en, ...c.name_zh]))],
		updateTriggers: { getText: lang, getTextAnchor: tier, getAlignmentBaseline: tier, getPixelOffset: tier }
	});
}
