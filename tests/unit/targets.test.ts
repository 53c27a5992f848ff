import { describe, it, expect } from 'vitest';
import { measures, shared, measureCSV, MEASURE_CSV_COLUMNS, type TargetInput } from '../../src/lib/analysis/targets';
import { loadGeodata } from './helpers';

type T = TargetInput['targets'][number];
const tg = (metric: string, year: number, value: number, type: T['type'] = 'target', plan = 'p1', extra: Partial<T> = {}): T => ({
	metric, label_zh: metric, label_en: metric, value, unit: 'TEU', year, type, qualifier: 'exact', plan, ...extra
});
const feat = (id: string, city: TargetInput['city'], targets: T[], plans = ['p1']): TargetInput => ({
	id, name_zh: id, name_en: id, city, targets, citations: plans.map((p) => ({ plan: p, section: `§${p}` }))
});

describe('measures (table-driven)', () => {
	it.each([
		['a target alone', [feat('a', 'wuhan', [tg('m', 2025, 10)])], [['wuhan', 2025, 10, 'target']]],
		['a reported figure before a target is the baseline', [feat('a', 'wuhan', [tg('m', 2015, 5, 'reported'), tg('m', 2020, 9)])], [['wuhan', 2015, 5, 'baseline'], ['wuhan', 2020, 9, 'target']]],
		['a reported figure with no later target stays reported', [feat('a', 'wuhan', [tg('m', 2020, 9), tg('m', 2022, 5, 'reported')])], [['wuhan', 2020, 9, 'target'], ['wuhan', 2022, 5, 'reported']]],
		['only the first reported figure is the baseline', [feat('a', 'wuhan', [tg('m', 2015, 5, 'reported'), tg('m', 2016, 6, 'reported'), tg('m', 2020, 9)])], [['wuhan', 2015, 5, 'baseline'], ['wuhan', 2016, 6, 'reported'], ['wuhan', 2020, 9, 'target']]],
		['Wuhan before Hefei, whatever the input order', [feat('h', 'hefei', [tg('m', 2025, 1)]), feat('w', 'wuhan', [tg('m', 2026, 2)])], [['wuhan', 2026, 2, 'target'], ['hefei', 2025, 1, 'target']]]
	] as const)('%s', (_, input, expected) => {
		const [m] = measures(input as unknown as TargetInput[]);
		expect(m.points.map((p) => [p.city, p.year, p.value, p.role])).toEqual(expected);
	});
	it('one measure per metric; a metric in two units is split', () => {
		const ms = measures([feat('a', 'wuhan', [tg('m', 2025, 1), tg('m', 2025, 2, 'target', 'p1', { unit: 't' }), tg('n', 2025, 3)])]);
		expect(ms.map((m) => m.key).sort()).toEqual(['m-t', 'm-teu', 'n']);
	});
	it('cities side by side; measures with several cities first; shared() finds them', () => {
		const ms = measures([feat('w', 'wuhan', [tg('solo', 2025, 1), tg('both', 2026, 2)]), feat('h', 'hefei', [tg('both', 2025, 3)])]);
		expect(ms[0].key).toBe('both');
		expect(ms[0].cities).toEqual(['wuhan', 'hefei']);
		expect(shared(ms, 'wuhan', 'hefei').map((m) => m.key)).toEqual(['both']);
	});
	it('a mark cites the sections of its own plan only', () => {
		const [m] = measures([feat('a', 'wuhan', [tg('m', 2025, 1, 'target', 'p2')], ['p1', 'p2'])]);
		expect(m.points[0]).toMatchObject({ plan: 'p2', sections: ['§p2'] });
	});
	it('qualifiers are kept', () => {
		const [m] = measures([feat('a', 'wuhan', [tg('m', 2025, 1, 'target', 'p1', { qualifier: 'min' })])]);
		expect(m.points[0].qualifier).toBe('min');
	});
	it('CSV: the exact figures, one row per mark', () => {
		const [m] = measures([feat('a', 'wuhan', [tg('m', 2015, 5, 'reported'), tg('m', 2020, 9)])]);
		const lines = measureCSV(m, (p) => `Plan ${p}`).trim().split('\n');
		expect(lines[0]).toBe(MEASURE_CSV_COLUMNS.join(','));
		expect(lines.slice(1)).toEqual(['m,wuhan,2015,baseline,exact,5,TEU,Plan p1,§p1,a,a,m,m', 'm,wuhan,2020,target,exact,9,TEU,Plan p1,§p1,a,a,m,m']);
	});
});

describe('on the real data: every value traced to a target record', () => {
	const { compiled } = loadGeodata();
	const props = compiled.map((c) => c.properties);
	const ms = measures(props);
	const byId = new Map(props.map((p) => [p.id, p]));
	it('every point is its record, and every record is one point', () => {
		let records = 0;
		for (const p of props) records += p.targets.length;
		const points = ms.flatMap((m) => m.points);
		expect(points.length).toBe(records);
		const seen = new Set<string>();
		for (const pt of points) {
			const rec = byId.get(pt.feature)!.targets[pt.index];
			expect(rec).toBeDefined();
			expect([pt.value, pt.unit, pt.year, pt.qualifier, pt.plan]).toEqual([rec.value, rec.unit, rec.year, rec.qualifier, rec.plan]);
			expect(pt.role === 'target').toBe(rec.type === 'target');
			expect(pt.city).toBe(byId.get(pt.feature)!.city);
			seen.add(`${pt.feature}#${pt.index}`);
		}
		expect(seen.size).toBe(records);
	});
	it('every mark has a citation of its plan', () => {
		for (const pt of ms.flatMap((m) => m.points)) expect(pt.sections.length, `${pt.feature} ${pt.plan}`).toBeGreaterThan(0);
	});
	it('Wuhan and Hefei share measures (trains a year, container throughput)', () => {
		const keys = shared(ms, 'wuhan', 'hefei').map((m) => m.key);
		expect(keys).toEqual(expect.arrayContaining(['trains-per-year', 'container-throughput']));
	});
});
