import { describe, it, expect } from 'vitest';
import { statusAt, matches, applyFilters, facetValues } from '../../src/lib/state/filters';
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
