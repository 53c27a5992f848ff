import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { statusAt, matches, applyFilters, facetValues, categoriesOf } from '../../src/lib/state/filters';
import { GROUPS, GROUP_IDS, groupOf } from '../../src/lib/legend';
import { KINDS, CITIES, STATUSES, LEVELS, INDUSTRIES } from '../../src/lib/data/schema';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/state/state';
import type { CompiledProperties } from '../../src/lib/data/types';

type P = Parameters<typeof matches>[0];
const mk = (o: Partial<CompiledProperties>): P => ({
	kind: 'bonded-zone',
	city: 'wuhan',
	status: 'existing',
	status_history: [
		{ plan: '003_280b1874bde35416', year: 2016, status: 'applying' },
		{ plan: '001_f9b1cb22bc2c1300', year: 2023, status: 'existing' }
	],
	citations: [
		{ plan: '003_280b1874bde35416', section: 'x', summary_zh: 'x', summary_en: 'x' },
		{ plan: '001_f9b1cb22bc2c1300', section: 'x', summary_zh: 'x', summary_en: 'x' }
	],
	level: 'national',
	industries: ['logistics'],
	targets: [],
	...o
} as P);
const f = (o: Partial<Filters>): Filters => ({ ...structuredClone(EMPTY_FILTERS), ...o });

describe('statusAt', () => {
	const p = mk({});
	it('gives the latest status without a year', () => expect(statusAt(p, null)).toBe('existing'));
	it('gives the status as the plan of a year says', () => {
		expect(statusAt(p, 2016)).toBe('applying');
		expect(statusAt(p, 2020)).toBe('applying');
		expect(statusAt(p, 2023)).toBe('existing');
	});
	it('is null before any plan spoke of it', () => expect(statusAt(p, 2015)).toBeNull());
});

describe('matches', () => {
	const p = mk({});
	it('passes with no filters', () => expect(matches(p, EMPTY_FILTERS)).toBe(true));
	it('filters by kind, city, level, industry', () => {
		expect(matches(p, f({ kinds: ['port'] }))).toBe(false);
		expect(matches(p, f({ kinds: ['port', 'bonded-zone'] }))).toBe(true);
		expect(matches(p, f({ cities: ['hefei'] }))).toBe(false);
		expect(matches(p, f({ levels: ['provincial'] }))).toBe(false);
		expect(matches(mk({ level: null }), f({ levels: ['national'] }))).toBe(false);
		expect(matches(p, f({ industries: ['finance', 'logistics'] }))).toBe(true);
		expect(matches(p, f({ industries: ['finance'] }))).toBe(false);
	});
	it('filters by status as of a plan year', () => {
		expect(matches(p, f({ statuses: ['applying'] }))).toBe(false);
		expect(matches(p, f({ statuses: ['applying'], statusYear: 2016 }))).toBe(true);
		expect(matches(p, f({ statusYear: 2010 }))).toBe(false);
	});
	it('filters by plan and by having targets', () => {
		expect(matches(p, f({ plans: ['004_929622d460b1a9b5'] }))).toBe(false);
		expect(matches(p, f({ plans: ['001_f9b1cb22bc2c1300'] }))).toBe(true);
		expect(matches(p, f({ hasTargets: true }))).toBe(false);
		expect(matches(mk({ targets: [{ metric: 'x', label_zh: 'x', label_en: 'x', value: 1, unit: 't', year: 2025, type: 'target', qualifier: 'exact', plan: 'p' }] }), f({ hasTargets: true }))).toBe(true);
	});
});

describe('applyFilters', () => {
	const feats = [mk({}), mk({ kind: 'port' }), mk({ kind: 'airport', city: 'ezhou' })];
	it('masks by filters and visible layers, and counts per group regardless of visibility', () => {
		const r = applyFilters(feats, f({ cities: ['wuhan'] }), ['bonded']);
		expect([...r.mask]).toEqual([1, 0, 0]);
		expect(r.visibleCount).toBe(1);
		expect(r.countByGroup.get('ports')).toBe(1);
		expect(r.countByGroup.get('airports')).toBeUndefined();
	});
	it('lists facet values present in the data', () => {
		expect(facetValues(feats)).toEqual({ years: [2016, 2023], industries: ['logistics'] });
	});
});

describe('applyFilters split for the GPU', () => {
	const sub = <T>(xs: readonly T[]) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: 4 });
	const plans = ['001_f9b1cb22bc2c1300', '003_280b1874bde35416', '004_929622d460b1a9b5'] as const;
	const featArb = fc.record({
		kind: fc.constantFrom(...KINDS),
		city: fc.constantFrom(...CITIES),
		status: fc.constantFrom(...STATUSES),
		history: fc.array(fc.record({ plan: fc.constantFrom(...plans), year: fc.integer({ min: 2014, max: 2026 }), status: fc.constantFrom(...STATUSES) }), { maxLength: 3 }),
		level: fc.option(fc.constantFrom(...LEVELS)),
		industries: sub(INDUSTRIES),
		targets: fc.boolean()
	}).map((r) =>
		mk({
			kind: r.kind, city: r.city, status: r.status, status_history: r.history, level: r.level,
			citations: r.history.map((h) => ({ plan: h.plan, section: 'x', summary_zh: 'x', summary_en: 'x' })),
			industries: r.industries,
			targets: r.targets ? [{ metric: 'x', label_zh: 'x', label_en: 'x', value: 1, unit: 't', year: 2025, type: 'target', qualifier: 'exact', plan: 'p' }] : []
		})
	);
	const filtersArb = fc.record({
		kinds: sub(KINDS), cities: sub(CITIES), statuses: sub(STATUSES), statusYear: fc.option(fc.integer({ min: 2014, max: 2026 })),
		plans: sub(plans), levels: sub(LEVELS), industries: sub(INDUSTRIES), hasTargets: fc.boolean()
	}).map((o) => f(o as Partial<Filters>));

	it('mask, counts and the GPU split all agree with matches() for any data, filters and layers', () => {
		fc.assert(
			fc.property(fc.array(featArb, { minLength: 1, maxLength: 60 }), filtersArb, sub(GROUP_IDS), (feats, flt, layers) => {
				const r = applyFilters(feats, flt, layers);
				const cat = categoriesOf(feats);
				const counts = new Map<string, number>();
				feats.forEach((p, i) => {
					const pass = matches(p, flt);
					if (pass) counts.set(groupOf(p.kind).id, (counts.get(groupOf(p.kind).id) ?? 0) + 1);
					const drawn = pass && layers.includes(groupOf(p.kind).id);
					expect(r.mask[i]).toBe(drawn ? 1 : 0);
					// what the GPU computes: kind category ∧ city category ∧ rest value
					const gpu = r.gpu.kinds.includes(cat.kind[i]) && r.gpu.cities.includes(cat.city[i]) && r.gpu.rest[i] === 1;
					expect(gpu).toBe(drawn);
					expect(KINDS[cat.kind[i]]).toBe(p.kind);
					expect(CITIES[cat.city[i]]).toBe(p.city);
				});
				expect(r.countByGroup).toEqual(counts);
				expect(r.visibleCount).toBe(r.mask.reduce((a, b) => a + b, 0));
			}),
			{ numRuns: 300 }
		);
	});

	it('with proximity terms, the GPU split (rest) still equals matches() for any distances', () => {
		const groups = ['airports', 'ports', 'rail'] as const;
		const kmArb = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Infinity));
		fc.assert(
			fc.property(
				fc.array(fc.tuple(featArb, fc.constantFrom('site', 'area', 'city', 'schematic', 'unlocated'), fc.array(kmArb, { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 40 }),
				filtersArb,
				fc.uniqueArray(fc.record({ group: fc.constantFrom(...groups), km: fc.integer({ min: 1, max: 100 }) }), { maxLength: 3, selector: (t) => t.group }),
				fc.boolean(),
				sub(GROUP_IDS),
				(rows, base, near, nearKnown, layers) => {
					const feats = rows.map(([p, precision]) => ({ ...p, location: { precision } }));
					const cols = new Map(groups.map((g, k) => [g, Float64Array.from(rows.map((r) => r[2][k]))]));
					const lookup = { km: (g: string) => cols.get(g as (typeof groups)[number]) ?? new Float64Array(feats.length).fill(Infinity) };
					const flt = { ...base, near, nearKnown };
					const r = applyFilters(feats, flt, layers, lookup);
					const cat = categoriesOf(feats);
					feats.forEach((p, i) => {
						const drawn = matches(p, flt, (g) => lookup.km(g)[i]) && layers.includes(groupOf(p.kind).id);
						expect(r.mask[i]).toBe(drawn ? 1 : 0);
						expect(r.gpu.kinds.includes(cat.kind[i]) && r.gpu.cities.includes(cat.city[i]) && r.gpu.rest[i] === 1).toBe(drawn);
					});
				}
			),
			{ numRuns: 200 }
		);
	});

	it('a proximity term without distances matches nothing', () => {
		const feats = [mk({}), mk({ kind: 'port' })];
		expect([...applyFilters(feats, f({ near: [{ group: 'airports', km: 30 }] }), GROUP_IDS).mask]).toEqual([0, 0]);
		expect(matches(feats[0], f({ near: [{ group: 'airports', km: 30 }] }))).toBe(false);
	});

	it('kind, city and layer changes keep the same rest array (no attribute re-upload); other filters make a new one', () => {
		const feats = [mk({}), mk({ kind: 'port' }), mk({ kind: 'airport', city: 'ezhou', level: null })];
		const all = GROUPS.map((g) => g.id);
		const a = applyFilters(feats, f({}), all);
		const b = applyFilters(feats, f({ kinds: ['port'], cities: ['wuhan'] }), ['ports']);
		expect(b.gpu.rest).toBe(a.gpu.rest);
		expect(b.gpu.kinds).toEqual([KINDS.indexOf('port')]);
		expect(b.gpu.cities).toEqual([CITIES.indexOf('wuhan')]);
		const c = applyFilters(feats, f({ levels: ['national'] }), all);
		expect(c.gpu.rest).not.toBe(a.gpu.rest);
		expect([...c.gpu.rest]).toEqual([1, 1, 0]);
	});

	it('falls back to the reference definition when a set-valued field has more than 32 values', () => {
		const plansMany = Array.from({ length: 40 }, (_, k) => `p${k}`);
		const feats = plansMany.map((plan, k) =>
			mk({ citations: [{ plan, section: 'x', summary_zh: 'x', summary_en: 'x' }], industries: [`i${k}`] as never, status_history: [{ plan, year: 2016 + (k % 5), status: 'planned' }] })
		);
		const all = GROUPS.map((g) => g.id);
		for (const flt of [f({ plans: ['p3', 'p39'] }), f({ industries: ['i0', 'i33'] as never }), f({ plans: ['p39'], statusYear: 2018 })]) {
			const r = applyFilters(feats, flt, all);
			expect([...r.mask]).toEqual(feats.map((p) => (matches(p, flt) ? 1 : 0)));
		}
		expect(applyFilters(feats, f({ plans: ['p3', 'p39'] }), all).visibleCount).toBe(2);
	});
});
