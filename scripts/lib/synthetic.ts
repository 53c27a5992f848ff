/**
 * Synthetic atlas data of any size, as the built topojson: the benchmark's data sets (scripts/bench.ts)
 * and the browser test of the list's paging (tests/e2e/explore.test.ts).
 */
import { topology } from 'topojson-server';
import { KINDS, CITIES, STATUSES, INDUSTRIES } from '../../src/lib/data/schema';
import { PLAN_IDS } from '../../src/lib/data/plans';

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number) {
	return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** n features around Wuhan, the same ones for the same n. */
export function synthetic(n: number) {
	const r = rng(n);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
	const pointKinds = KINDS.filter((k) => !k.includes('corridor') && !k.includes('route') && k !== 'waterway-works');
	const features: GeoJSON.Feature[] = [];
	for (let i = 0; i < n; i++) {
		const line = r() < 0.08;
		const kind = line ? pick(['rail-corridor', 'river-corridor', 'sea-route', 'road-corridor'] as const) : pick(pointKinds);
		const precision = pick(['site', 'area', 'city'] as const);
		const city = pick(CITIES);
		// a city-precision feature carries its city's point, as in the real data (one group symbol per city)
		const ci = CITIES.indexOf(city);
		const [lon, lat] = precision === 'city' && !line ? [112.5 + (ci % 6) * 0.7, 29.7 + Math.floor(ci / 6) * 0.8] : [112.5 + r() * 4, 29.5 + r() * 2.5];
		const plan = pick(PLAN_IDS);
		const year = 2016 + Math.floor(r() * 10);
		features.push({
			type: 'Feature',
			geometry: line
				? { type: 'LineString', coordinates: [[lon, lat], [lon + r() * 3 - 1.5, lat + r() * 2 - 1], [lon + r() * 6 - 3, lat + r() * 4 - 2]] }
				: { type: 'Point', coordinates: [lon, lat] },
			properties: {
				id: `syn-${i}`, name_zh: `合成要素${i}`, name_en: `Synthetic ${i}`, aliases: [], kind, city, level: pick(['national', 'provincial', null]),
				status: pick(STATUSES), status_history: [{ plan, year, status: pick(STATUSES) }], targets: r() < 0.3 ? [{ metric: 'x', label_zh: 'x', label_en: 'x', value: 1, unit: 't', year: 2025, type: 'target', qualifier: 'exact', plan }] : [],
				industries: [pick(INDUSTRIES)], lead_agencies: [], partner_agencies: [], citations: [{ plan, section: '一', summary_zh: '合成', summary_en: 'synthetic' }],
				location: { precision: line ? 'schematic' : precision, source: 'synthetic' }, hubs: [], via: [], layer: 'synthetic',
				pinyin: `hechengyaosu${i}`, pinyin_initials: 'hcys', length_km: null
			}
		});
	}
	return JSON.stringify(topology({ synthetic: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, 1e6));
}

