import { describe, it, expect } from 'vitest';
import { loadGeodata } from './helpers';
import { alignTargets, statusByYear, matrixToCSV } from '../../src/lib/analysis/compare';
import { toggleCompare } from '../../src/lib/state/transitions';
import type { CompiledFeature } from '../../src/lib/data/types';

const { compiled } = loadGeodata();
const byId = new Map(compiled.map((f) => [f.properties.id, f]));
type T = CompiledFeature['properties']['targets'][number];
const tgt = (metric: string, value: number, year: number, unit = 'TEU'): T => ({ metric, label_zh: metric, label_en: metric, value, unit, year, type: 'target', qualifier: 'exact', plan: 'p' });
const feat = (id: string, targets: T[], hist: [number, string][] = [[2020, 'planned']]) =>
	({ type: 'Feature', geometry: null, properties: { id, targets, status: 'planned', status_history: hist.map(([year, status]) => ({ plan: 'p', year, status })) } }) as unknown as CompiledFeature;

describe('compare alignment', () => {
	it('puts the same measure on one row, each cell its figures by year; a measure one lacks is an empty cell', () => {
		const a = feat('a', [tgt('teu', 5, 2025), tgt('teu', 2, 2020), tgt('trains', 100, 2025, 'trains')]);
		const b = feat('b', [tgt('teu', 9, 2026)]);
		const c = feat('c', [tgt('area', 3, 2025, 'km2')]);
		const rows = alignTargets([a, b, c]);
		expect(rows.map((r) => r.metric)).toEqual(['area', 'teu', 'trains'].sort((x, y) => (x === 'teu' ? -1 : y === 'teu' ? 1 : x.localeCompare(y))));
		const teu = rows.find((r) => r.metric === 'teu')!;
		expect(teu.cells.map((c) => c.map((t) => `${t.value}@${t.year}`))).toEqual([['2@2020', '5@2025'], ['9@2026'], []]);
		expect(rows.find((r) => r.metric === 'trains')!.cells.map((c) => c.length)).toEqual([1, 0, 0]);
	});
	it('keeps different units of one metric apart', () => {
		const rows = alignTargets([feat('a', [tgt('m', 1, 2025, 't')]), feat('b', [tgt('m', 1, 2025, 'TEU')])]);
		expect(rows.length).toBe(2);
	});
	it('aligns the real data: every target of every compared feature appears exactly once', () => {
		const fs = ['wuhan-china-europe-rail', 'hefei-china-europe-rail', 'metro-tianhe-huahu-double-hub'].map((id) => byId.get(id)!);
		const rows = alignTargets(fs);
		fs.forEach((f, k) => expect(rows.reduce((n, r) => n + r.cells[k].length, 0)).toBe(f.properties.targets.length));
		const trains = rows.find((r) => r.metric === 'trains-per-year')!;
		expect(trains.cells.map((c) => c.map((t) => t.value))).toEqual([[1300], [1000], []]);
	});
	it('gives each feature’s status as of every plan year', () => {
		const r = statusByYear([feat('a', [], [[2016, 'applying'], [2023, 'existing']]), feat('b', [], [[2018, 'planned']])]);
		expect(r).toEqual([
			{ year: 2016, statuses: ['applying', null] },
			{ year: 2018, statuses: ['applying', 'planned'] },
			{ year: 2023, statuses: ['existing', 'planned'] }
		]);
	});
	it('writes the comparison as CSV', () => {
		const csv = matrixToCSV([['', 'A', 'B'], ['kind', '=x', 'say "hi"']]);
		expect(csv).toBe('\uFEFF"","A","B"\r\n"kind","\'=x","say ""hi"""\r\n');
	});
	it('toggles features in and out, at most four (the oldest leaves)', () => {
		expect(toggleCompare(['a', 'b'], 'a')).toEqual(['b']);
		expect(toggleCompare(['a', 'b', 'c', 'd'], 'e')).toEqual(['b', 'c', 'd', 'e']);
	});
});

import { timeToMarket } from '../../src/lib/analysis/market';
import { featureKm } from '../../src/lib/analysis/proximity';
describe('time to market', () => {
	it('gives the km to each corridor’s located terminal and only the stated length and days', () => {
		const zone = byId.get('wuhan-tianhe-airport')!;
		const r = timeToMarket(zone, compiled, 50);
		expect(r.length).toBeGreaterThan(0);
		for (let k = 1; k < r.length; k++) expect(r[k].km).toBeGreaterThanOrEqual(r[k - 1].km);
		const eu = r.find((x) => x.corridor.properties.id === 'wuhan-china-europe-rail')!;
		expect(eu.terminal.properties.id).toBe('wuhan-china-europe-assembly-centre');
		expect(eu.km).toBeCloseTo(featureKm(zone, eu.terminal), 9);
		// the plans state neither length nor days: nothing is filled in
		expect(eu.facts.length_km).toBeNull();
		expect(eu.facts.travel_days).toBeNull();
		expect(eu.schematic).toBe(true);
		// the Tianhe–Huahu corridor starts at Tianhe itself
		expect(r.find((x) => x.corridor.properties.id === 'metro-tianhe-huahu-double-hub')!.km).toBe(0);
	});
	it('corridors and unlocated features get none', () => {
		expect(timeToMarket(byId.get('wuhan-china-europe-rail')!, compiled)).toEqual([]);
		expect(timeToMarket(compiled.find((f) => !f.geometry)!, compiled)).toEqual([]);
	});
});
