import { describe, it, expect } from 'vitest';
import {
	STATUS_ORDER, statusRank, compareEditions, classify, citiesCovered, markAt, timelineMarks, timelineYears,
	previousYear, changesCSV, RENAMES_RECORDED, CHANGE_CSV_COLUMNS, type ChangeInput
} from '../../src/lib/analysis/changes';
import { STATUSES } from '../../src/lib/data/schema';
import { statusAt } from '../../src/lib/state/filters';
import { loadGeodata } from './helpers';

const cite = (plan: string, section = '一、') => ({ plan, section, summary_zh: '摘要', summary_en: 'summary' });
function f(id: string, history: [string, number, (typeof STATUSES)[number]][], city: ChangeInput['city'] = 'wuhan', extra: Partial<ChangeInput> = {}): ChangeInput {
	return {
		id, name_zh: id, name_en: id, kind: 'port', city,
		status_history: history.map(([plan, year, status]) => ({ plan, year, status })),
		citations: [...new Set(history.map((h) => h[0]))].map((p) => cite(p)),
		...extra
	};
}

describe('status order', () => {
	it('is explicit and covers every status once', () => {
		expect([...STATUS_ORDER].sort()).toEqual([...STATUSES].sort());
		expect(STATUS_ORDER).toEqual(['target', 'planned', 'applying', 'under-construction', 'existing', 'upgrading']);
	});
	it.each([
		['planned', 'under-construction'],
		['applying', 'existing'],
		['under-construction', 'existing'],
		['existing', 'upgrading'],
		['target', 'planned']
	] as const)('%s ranks below %s', (lo, hi) => expect(statusRank(lo)).toBeLessThan(statusRank(hi)));
});

describe('compareEditions (table-driven)', () => {
	const other = f('other', [['p18', 2018, 'existing'], ['p23', 2023, 'existing']]);
	it.each([
		['added: only the later edition names it', f('a', [['p23', 2023, 'planned']]), 'added'],
		['upgraded: higher status later', f('a', [['p18', 2018, 'planned'], ['p23', 2023, 'under-construction']]), 'upgraded'],
		['upgraded: existing to upgrading', f('a', [['p18', 2018, 'existing'], ['p23', 2023, 'upgrading']]), 'upgraded'],
		['downgraded: lower status later', f('a', [['p18', 2018, 'existing'], ['p23', 2023, 'applying']]), 'downgraded'],
		['unchanged: same status', f('a', [['p18', 2018, 'existing'], ['p23', 2023, 'existing']]), 'unchanged'],
		['dropped: no longer named where the later plans speak of its city', f('a', [['p18', 2018, 'existing']]), 'dropped'],
		['not covered: the later plans name nothing in its city', f('a', [['p18', 2018, 'existing']], 'hefei'), 'not-covered'],
		['renamed is never guessed from aliases', f('a', [['p18', 2018, 'existing'], ['p23', 2023, 'existing']], 'wuhan', { aliases: ['old name'] } as never), 'unchanged']
	] as const)('%s', (_, feat, expected) => {
		const set = compareEditions([feat, other], 2018, 2023);
		expect(set.changes.find((c) => c.id === 'a')?.change).toBe(expected);
		expect(set.counts[expected]).toBeGreaterThanOrEqual(1);
		expect(set.counts.renamed).toBe(0);
	});
	it('leaves out features neither edition names', () => {
		expect(compareEditions([f('a', [['p16', 2016, 'planned']]), other], 2018, 2023).changes.map((c) => c.id)).toEqual(['other']);
	});
	it('carries the entry and the citations of its plan on both sides', () => {
		const a = f('a', [['p18', 2018, 'planned'], ['p23', 2023, 'existing']]);
		const c = classify(a, 2018, 2023, citiesCovered([a], 2023))!;
		expect(c.before).toMatchObject({ plan: 'p18', year: 2018, status: 'planned', citations: [cite('p18')] });
		expect(c.after).toMatchObject({ plan: 'p23', year: 2023, status: 'existing', citations: [cite('p23')] });
	});
	it('counts per city and per kind add up to the totals', () => {
		const feats = [f('a', [['p23', 2023, 'planned']]), f('b', [['p18', 2018, 'planned']], 'hefei'), f('c', [['p18', 2018, 'planned'], ['p23', 2023, 'existing']]), other];
		const set = compareEditions(feats, 2018, 2023);
		expect(set.counts).toMatchObject({ added: 1, 'not-covered': 1, upgraded: 1, unchanged: 1, dropped: 0 });
		expect(set.byCity.get('hefei')!['not-covered']).toBe(1);
		expect(set.byCity.get('wuhan')!.added).toBe(1);
		const sum = (m: Map<unknown, Record<string, number>>) => [...m.values()].reduce((s, r) => s + Object.values(r).reduce((x, y) => x + y, 0), 0);
		expect(sum(set.byCity)).toBe(set.changes.length);
		expect(sum(set.byKind)).toBe(set.changes.length);
	});
	it('renames are not recorded in the data, and the module says so', () => expect(RENAMES_RECORDED).toBe(false));
	it('CSV: a header and one row per change, plan titles not file codes', () => {
		const feats = [f('a', [['p18', 2018, 'planned'], ['p23', 2023, 'existing']]), other];
		const set = compareEditions(feats, 2018, 2023);
		const csv = changesCSV(set, (id) => feats.find((x) => x.id === id), (p) => `Title of ${p}`);
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe(CHANGE_CSV_COLUMNS.join(','));
		expect(lines).toHaveLength(3);
		expect(lines[1]).toContain('Title of p18');
		expect(lines[1]).toContain('upgraded');
	});
});

describe('timeline marks', () => {
	it.each([
		['new at its first year', f('a', [['p18', 2018, 'planned']]), 2018, 2016, 'new'],
		['nothing when not named and not before', f('a', [['p23', 2023, 'planned']]), 2018, 2016, null],
		['upgraded against the latest earlier entry (not just the previous year)', f('a', [['p16', 2016, 'planned'], ['p23', 2023, 'existing']]), 2023, 2018, 'upgraded'],
		['downgraded', f('a', [['p16', 2016, 'existing'], ['p18', 2018, 'planned']]), 2018, 2016, 'downgraded'],
		['unchanged is not marked', f('a', [['p16', 2016, 'existing'], ['p18', 2018, 'existing']]), 2018, 2016, null],
		['dropped when named the year before and not now', f('a', [['p16', 2016, 'existing']]), 2018, 2016, 'dropped'],
		['not dropped where this year names nothing in its city', f('a', [['p16', 2016, 'existing']], 'hefei'), 2018, 2016, null]
	] as const)('%s', (_, feat, year, prev, expected) => {
		const witness = f('w', [['p16', 2016, 'existing'], ['p18', 2018, 'existing'], ['p23', 2023, 'existing']]);
		expect(markAt(feat, year, prev, citiesCovered([feat, witness], year))).toBe(expected);
	});
	it('years and previous year', () => {
		const feats = [f('a', [['p18', 2018, 'planned'], ['p16', 2016, 'planned']]), f('b', [['p23', 2023, 'planned']])];
		expect(timelineYears(feats)).toEqual([2016, 2018, 2023]);
		expect(previousYear([2016, 2018, 2023], 2023)).toBe(2018);
		expect(previousYear([2016, 2018, 2023], 2016)).toBeNull();
	});
});

describe('on the real data', () => {
	const { compiled } = loadGeodata();
	const props = compiled.map((c) => c.properties);
	const years = timelineYears(props);
	it('the timeline years are the status-history years (plan years and dated news)', () => {
		expect(years.length).toBeGreaterThanOrEqual(5);
		for (const y of [2016, 2018, 2022, 2023, 2026]) expect(years).toContain(y);
	});
	it('every feature marked "new" at a year is shown by the status-year filter at that year and not the year before', () => {
		for (const y of years) {
			const prev = previousYear(years, y);
			const { marks } = timelineMarks(props, y, prev);
			marks.forEach((m, i) => {
				if (m !== 'new') return;
				expect(statusAt(props[i], y)).not.toBeNull();
				if (prev !== null) expect(statusAt(props[i], prev)).toBeNull();
			});
		}
	});
	it('2018 → 2023: every change kind has a status order consistent with its sides', () => {
		const set = compareEditions(props, 2018, 2023);
		expect(set.changes.length).toBeGreaterThan(0);
		for (const c of set.changes) {
			if (c.change === 'upgraded') expect(statusRank(c.after!.status)).toBeGreaterThan(statusRank(c.before!.status));
			if (c.change === 'downgraded') expect(statusRank(c.after!.status)).toBeLessThan(statusRank(c.before!.status));
			if (c.change === 'added') expect(c.before).toBeNull();
			if (c.before) expect(c.before.citations.length).toBeGreaterThan(0);
			if (c.after) expect(c.after.citations.length).toBeGreaterThan(0);
		}
	});
});
