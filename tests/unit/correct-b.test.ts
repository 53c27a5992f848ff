/** #14 items 7, 8, 11: plan titles instead of codes, the CSV's code + label columns, search ranking and its reasons, approximate lengths. */
import { describe, it, expect } from 'vitest';
import { loadGeodata } from './helpers';
import { toCSV, CSV_COLUMNS } from '../../src/lib/share/export';
import * as plansMod from '../../src/lib/data/plans';
import * as searchMod from '../../src/lib/state/search';
import * as lengthMod from '../../src/lib/i18n/length';
import { kindLabel, cityLabel, statusLabel } from '../../src/lib/i18n';

const { compiled, plans } = loadGeodata();
const props = compiled.map((f) => f.properties);
const byId = (id: string) => compiled.find((f) => f.properties.id === id)!;

/** RFC 4180 row → cells (every cell is quoted by toCSV) */
const cells = (line: string) => line.slice(1, -1).split('","').map((c) => c.replace(/""/g, '"'));
function parse(csv: string) {
	const [head, ...rows] = csv.slice(1).trim().split('\r\n');
	const cols = head.split(',');
	return rows.map((r) => Object.fromEntries(cells(r).map((v, i) => [cols[i], v])) as Record<string, string>);
}

describe('plans have short titles (item 7)', () => {
	it('every plan in plans.json has a short zh and en title, and planLabel gives it for an id or a code', () => {
		const { planLabel } = plansMod as unknown as { planLabel?: (id: string, l: 'zh' | 'en') => string };
		expect(typeof planLabel, 'planLabel exists').toBe('function');
		for (const p of plans) {
			const pp = p as typeof p & { short_zh?: string; short_en?: string };
			expect(pp.short_zh, p.id).toBeTruthy();
			expect(pp.short_en, p.id).toBeTruthy();
			expect(planLabel!(p.id, 'zh')).toBe(pp.short_zh);
			expect(planLabel!(plansMod.planCode(p.id), 'en')).toBe(pp.short_en);
			// a title, not a code
			expect(planLabel!(p.id, 'en')).not.toMatch(/^\d{3}(_|$)/);
		}
		expect(planLabel!('001_f9b1cb22bc2c1300', 'en')).toBe('Wuhan metro opening-up plan, 2023');
		expect(planLabel!('001', 'zh')).toBe('武汉都市圈开放规划（2023）');
	});
});

describe('CSV carries code and label columns in the chosen language (item 7)', () => {
	const f = byId('wuhan-china-europe-rail');
	it.each(['en', 'zh'] as const)('columns kind/city/status/plans and their labels (%s)', (lang) => {
		const cols = CSV_COLUMNS as readonly string[];
		for (const c of ['kind_label', 'city_label', 'status_label', 'plan_titles']) expect(cols, c).toContain(c);
		const csv = (toCSV as (...a: unknown[]) => string)([f], undefined, lang);
		const [row] = parse(csv);
		const p = f.properties;
		expect(row.kind).toBe(p.kind);
		expect(row.kind_label).toBe(kindLabel(lang, p.kind));
		expect(row.city).toBe(p.city);
		expect(row.city_label).toBe(cityLabel(lang, p.city));
		expect(row.status).toBe(p.status);
		expect(row.status_label).toBe(statusLabel(lang, p.status));
		expect(row.plans).toBe(plansMod.planCodesOf(p.citations).join(' '));
		const { planLabel } = plansMod as unknown as { planLabel: (id: string, l: 'zh' | 'en') => string };
		expect(row.plan_titles.split('; ')).toEqual(plansMod.planCodesOf(p.citations).map((c) => planLabel(c, lang)));
		// labels really are in that language
		expect(row.city_label).toBe(lang === 'zh' ? '武汉' : 'Wuhan');
		// no raw file id anywhere in the row
		expect(Object.values(row).join('|')).not.toMatch(/\d{3}_[0-9a-f]{16}/);
	});
});

describe('search ranking (item 8)', () => {
	const search = searchMod.createSearch(props);
	const top = (q: string) => props[search(q, 10)[0]]?.id;
	// table-driven: query → the feature that must come first, and why it matched
	const table: [string, string, { how: string; field: string; text?: string }][] = [
		['WUH', 'wuhan-tianhe-airport', { how: 'exact', field: 'alias', text: 'WUH' }],
		['wuh', 'wuhan-tianhe-airport', { how: 'exact', field: 'alias', text: 'WUH' }],
		['HFE', 'hefei-xinqiao-airport', { how: 'exact', field: 'alias', text: 'HFE' }],
		['阳逻港', 'wuhan-yangluo-port', { how: 'exact', field: 'name_zh' }],
		['yangluogang', 'wuhan-yangluo-port', { how: 'exact', field: 'pinyin', text: 'yangluogang' }],
		['ylg', 'wuhan-yangluo-port', { how: 'exact', field: 'initials', text: 'ylg' }],
		['Ezhou Huahu Airport', 'ezhou-huahu-airport', { how: 'exact', field: 'name_en' }]
	];
	it.each(table)('"%s" ranks %s first', (q, id, why) => {
		expect(top(q)).toBe(id);
		const reason = (searchMod as unknown as { matchReason?: (e: unknown, q: string) => unknown }).matchReason;
		expect(typeof reason, 'matchReason exists').toBe('function');
		expect(reason!(byId(id).properties, q)).toMatchObject(why);
	});
	it('exact beats prefix beats contains beats fuzzy, whatever the name length', () => {
		const e = (id: string, name_en: string, aliases: string[] = []) => ({ id, name_zh: '某地' + id, name_en, aliases, pinyin: 'moudi', pinyin_initials: 'md' });
		const entries = [
			e('contains', 'Big Harbour Park'),
			e('fuzzy', 'Harbuor'),
			e('prefix', 'Harbour of the long name'),
			e('exact', 'Some very long official name', ['Harbour'])
		];
		const s = searchMod.createSearch(entries);
		expect(s('harbour', 10).map((i) => entries[i].id)).toEqual(['exact', 'prefix', 'contains', 'fuzzy']);
		const reason = (searchMod as unknown as { matchReason: (e: unknown, q: string) => { how: string; field: string; text: string } }).matchReason;
		expect(reason(entries[1], 'harbour')).toMatchObject({ how: 'fuzzy', field: 'name_en', text: 'Harbuor' });
		expect(reason(entries[3], 'harbour')).toEqual({ how: 'exact', field: 'alias', text: 'Harbour' });
	});
	it('takes other entries of the same shape (kind "place") beside features', () => {
		const entries = [...props.slice(0, 3), { id: 'place-caidian', name_zh: '蔡甸', name_en: 'Caidian', aliases: [], pinyin: 'caidian', pinyin_initials: 'cd', kind: 'place' }];
		const s = searchMod.createSearch(entries);
		expect(entries[s('Caidian', 3)[0]].id).toBe('place-caidian');
	});
});

describe('drawn lengths read as approximate when schematic (item 11)', () => {
	const drawnLength = (lengthMod as { drawnLength?: (km: number, p: string, l: 'zh' | 'en') => string }).drawnLength;
	it.each([
		[10271.4, 'schematic', 'en', '≈10,271 km, schematic'],
		[10271.4, 'schematic', 'zh', '约 10,271 公里（示意）'],
		[12.6, 'site', 'en', '13 km'],
		[12.6, 'area', 'zh', '13 公里']
	])('%s km, %s, %s → %s', (km, p, l, want) => {
		expect(typeof drawnLength).toBe('function');
		expect(drawnLength!(km as number, p as string, l as 'zh' | 'en')).toBe(want);
	});
});

describe('exports are built in slices with progress (item 10)', () => {
	it.each(['csv', 'geojson'] as const)('%s: same content as the one-shot export, progress from 0 to the total', async (kind) => {
		const { buildExport } = await import('../../src/lib/share/export-run');
		const { toGeoJSON } = await import('../../src/lib/share/export');
		const seen: number[] = [];
		const meta = { dataVersion: 'v', url: 'u' };
		// a 0 ms slice forces one feature per slice: every step reports
		const r = await buildExport(kind, compiled, { lang: 'zh', meta, sliceMs: 0 }, (p) => {
			expect(p.total).toBe(compiled.length);
			seen.push(p.done);
		});
		expect(r.content).toBe(kind === 'csv' ? toCSV(compiled, undefined, 'zh') : toGeoJSON(compiled, meta));
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(compiled.length);
		expect(seen.every((d, i) => i === 0 || d >= seen[i - 1])).toBe(true);
		expect(r.slices).toBeGreaterThan(1);
	});
});
