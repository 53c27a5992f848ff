import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadGeodata } from './helpers';
import { shapeKm, pointToLine, featureKm, proximityIndex, hubDistances, isKnown, fmtKm } from '../../src/lib/analysis/proximity';
import { applyFilters, matches } from '../../src/lib/state/filters';
import { groupOf, GROUP_IDS } from '../../src/lib/legend';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/state/state';
import type { LonLat } from '../../src/lib/analysis/geo';

const R = 6371.0088; // turf's mean earth radius
const rad = Math.PI / 180;
const P = (at: LonLat) => ({ type: 'point' as const, at });
const L = (...lines: LonLat[][]) => ({ type: 'line' as const, lines });
const close = (got: number, want: number, rel = 1e-6) => expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.max(1e-9, want * rel));

describe('distance engine: great-circle km, hand-computed', () => {
	// each expected value is worked out by hand from the spherical law of cosines / cross-track formula
	const cases: [string, ReturnType<typeof P | typeof L>, ReturnType<typeof P | typeof L>, number][] = [
		['same point', P([114.3, 30.6]), P([114.3, 30.6]), 0],
		['1° along the equator = R·π/180', P([0, 0]), P([1, 0]), R * rad], // 111.195 km
		['1° along a meridian', P([20, 10]), P([20, 11]), R * rad],
		['quarter of the equator', P([0, 0]), P([90, 0]), (R * Math.PI) / 2], // 10,007.557 km
		['equator to 60°N on a meridian', P([0, 0]), P([0, 60]), R * 60 * rad], // 6,671.705 km
		// cos c = sin²30 + cos²30 cos 1°  →  96.297 km
		['1° of longitude at 30°N', P([114, 30]), P([115, 30]), R * Math.acos(Math.sin(30 * rad) ** 2 + Math.cos(30 * rad) ** 2 * Math.cos(rad))],
		// point above the middle of an equatorial segment: nearest point is straight below it
		['point to line, foot inside the segment', P([0.5, 1]), L([[0, 0], [1, 0]]), R * rad],
		// beyond the end of the segment the nearest point is its end
		['point to line, beyond the end', P([2, 0]), L([[0, 0], [1, 0]]), R * rad],
		['point to line, on a vertex', P([1, 0]), L([[0, 0], [1, 0], [1, 1]]), 0],
		// cross-track distance to a meridian: R·asin(sin 1° · cos 10°) = 109.506 km
		['point to a meridian segment (cross-track)', P([11, 10]), L([[10, 0], [10, 20]]), R * Math.asin(Math.sin(rad) * Math.cos(10 * rad))],
		['line to point is point to line', L([[10, 0], [10, 20]]), P([11, 10]), R * Math.asin(Math.sin(rad) * Math.cos(10 * rad))],
		['multi-line: the nearer part counts', P([0.5, 1]), L([[5, 5], [6, 5]], [[0, 0], [1, 0]]), R * rad],
		['crossing lines are 0 apart', L([[0, -1], [0, 1]]), L([[-1, 0], [1, 0]]), 0],
		// a line along the equator and one along the 1°N meridian... parallel segments 1° apart
		['line to line, nearest vertex to the other line', L([[0, 1], [1, 1]]), L([[0, 0], [1, 0]]), R * rad]
	];
	it.each(cases)('%s', (_name, a, b, want) => close(shapeKm(a, b), want));

	it('is symmetric and never negative', () => {
		const ll = fc.tuple(fc.double({ min: 100, max: 120, noNaN: true }), fc.double({ min: 20, max: 40, noNaN: true }));
		fc.assert(
			fc.property(ll, ll, ll, (a, b, c) => {
				const d1 = shapeKm(P(a as LonLat), L([b as LonLat, c as LonLat]));
				expect(d1).toBeGreaterThanOrEqual(0);
				close(shapeKm(L([b as LonLat, c as LonLat]), P(a as LonLat)), d1, 1e-9);
				// the nearest point of a line is never further than either end
				expect(d1).toBeLessThanOrEqual(shapeKm(P(a as LonLat), P(b as LonLat)) + 1e-6);
				expect(d1).toBeLessThanOrEqual(shapeKm(P(a as LonLat), P(c as LonLat)) + 1e-6);
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the nearest point of the line too', () => {
		const r = pointToLine([0.5, 1], [[[0, 0], [1, 0]]]);
		close(r.at[0], 0.5, 1e-6);
		expect(Math.abs(r.at[1])).toBeLessThan(1e-9);
	});

	it('formats km for reading', () => {
		expect(fmtKm(3.14159)).toBe('3.1');
		expect(fmtKm(35.4)).toBe('35');
	});
});

describe('proximity index over the atlas data', () => {
	const { compiled } = loadGeodata();
	const ix = proximityIndex(compiled);
	const idx = new Map(compiled.map((f, i) => [f.properties.id, i]));

	it('is built once per data set', () => expect(proximityIndex(compiled)).toBe(ix));

	it.each(['airports', 'ports', 'rail', 'rail-corridors'])('column %s equals the brute-force nearest other feature of the group', (group) => {
		for (const known of [false, true]) {
			const col = ix.column(group, known);
			compiled.forEach((f, i) => {
				let best = Infinity;
				const ok = (x: typeof f) => x.geometry && (!known || isKnown(x.properties.location.precision));
				if (ok(f))
					compiled.forEach((g, j) => {
						if (j !== i && ok(g) && groupOf(g.properties.kind).id === group) best = Math.min(best, featureKm(f, g));
					});
				if (best === Infinity) {
					expect(col.km[i]).toBe(Infinity);
					expect(col.of[i]).toBe(-1);
				} else {
					close(col.km[i], best, 1e-9);
					expect(col.of[i]).not.toBe(i);
				}
			});
		}
	});

	it('unlocated features have no distance, so never match', () => {
		const i = compiled.findIndex((f) => !f.geometry);
		expect(i).toBeGreaterThanOrEqual(0);
		expect(ix.km('airports', false)[i]).toBe(Infinity);
	});

	it('finds the nearest airport, port and rail hub with their names', () => {
		const i = idx.get('ezhou-huahu-airport')!;
		const h = hubDistances(compiled, i);
		expect(h.map((x) => x.group)).toEqual(['airports', 'ports', 'rail']);
		expect(h[0].feature.properties.id).not.toBe('ezhou-huahu-airport');
		for (const x of h) expect(x.km).toBeGreaterThanOrEqual(0);
	});

	it('a near= filter over the typed columns equals matches() over turf distances', () => {
		const props = compiled.map((f) => f.properties);
		const termArb = fc.uniqueArray(fc.record({ group: fc.constantFrom('airports', 'ports', 'rail', 'bonded', 'rail-corridors', 'cities'), km: fc.integer({ min: 1, max: 200 }) }), { maxLength: 3, selector: (t) => t.group });
		fc.assert(
			fc.property(termArb, fc.boolean(), (near, nearKnown) => {
				const flt: Filters = { ...structuredClone(EMPTY_FILTERS), near, nearKnown };
				const r = applyFilters(props, flt, GROUP_IDS, ix);
				compiled.forEach((f, i) => {
					// reference: distances straight from turf, no typed column
					const ref = matches(f.properties, flt, (group, known) => {
						if (!f.geometry || (known && !isKnown(f.properties.location.precision))) return Infinity;
						let best = Infinity;
						compiled.forEach((g, j) => {
							if (j !== i && g.geometry && groupOf(g.properties.kind).id === group && (!known || isKnown(g.properties.location.precision))) best = Math.min(best, featureKm(f, g));
						});
						return best;
					});
					expect(r.mask[i]).toBe(ref ? 1 : 0);
				});
			}),
			{ numRuns: 15 }
		);
	});
});

import { pathKm, within } from '../../src/lib/analysis/measure';
describe('measure tool figures', () => {
	it('sums a path’s great-circle legs', () => {
		close(pathKm([[0, 0], [1, 0], [1, 1]]), 2 * R * rad);
		expect(pathKm([[114, 30]])).toBe(0);
	});
	it('lists features within a radius, nearest first, lines by their nearest point', () => {
		const { compiled } = loadGeodata();
		const tianhe = compiled.find((f) => f.properties.id === 'wuhan-tianhe-airport')!;
		const at = (tianhe.geometry as { coordinates: LonLat }).coordinates;
		const r = within(at, 15, compiled);
		expect(r[0].km).toBe(0);
		for (let k = 1; k < r.length; k++) expect(r[k].km).toBeGreaterThanOrEqual(r[k - 1].km);
		for (const f of compiled) {
			const d = featureKm(tianhe, f);
			expect(r.some((x) => x.feature === f)).toBe(d <= 15);
		}
	});
});
