import { describe, it, expect } from 'vitest';
import { decodeEmbed, encodeEmbed, embedUrl, iframeSnippet, DEFAULT_EMBED } from '../../src/lib/share/embed';
import { parseTourCommand, acceptOrigin, parseHostParam } from '../../src/lib/share/messages';
import { toCSV, toGeoJSON, filteredFeatures } from '../../src/lib/share/export';
import { hubDistances } from '../../src/lib/analysis/proximity';
import { defaultState } from '../../src/lib/state/state';
import { loadGeodata } from './helpers';

describe('embed options', () => {
	it('round-trip and ignore bad values', () => {
		const o = { ...DEFAULT_EMBED, legend: 'none' as const, interaction: 'static' as const, title: 'A <b>title</b>' };
		expect(decodeEmbed(encodeEmbed(o)).options).toEqual(o);
		const bad = decodeEmbed('legend=huge&interaction=x&controls=maybe');
		expect(bad.options).toEqual(DEFAULT_EMBED);
		expect(bad.ignored.sort()).toEqual(['controls', 'interaction', 'legend']);
	});
	it('an embed link carries the tour being played (tour= and step= come from the view state)', () => {
		const url = embedUrl('https://example.org/atlas', { ...defaultState('en'), tour: { id: 'air-cargo', step: 2 } }, DEFAULT_EMBED);
		const q = new URL(url).searchParams;
		expect([q.get('tour'), q.get('step')]).toEqual(['air-cargo', '2']);
	});
	it('builds an iframe snippet with escaped attributes', () => {
		const url = embedUrl('https://example.org/atlas', defaultState('en'), { ...DEFAULT_EMBED, title: '"><script>x</script>' });
		const html = iframeSnippet(url, { mode: 'fixed', width: 800, height: 450 }, '"><script>x</script>');
		expect(html).not.toContain('<script>');
		expect(html).toContain('width="800" height="450"');
		expect(iframeSnippet(url, { mode: 'responsive', ratio: 16 / 9 }, 't')).toContain('padding-top:56.25%');
	});
});

describe('postMessage API', () => {
	it('accepts only well-formed commands', () => {
		expect(parseTourCommand({ type: 'atlas:tour', action: 'next' })).toEqual({ type: 'atlas:tour', action: 'next' });
		expect(parseTourCommand({ type: 'atlas:tour', action: 'goto', step: 3 })).toEqual({ type: 'atlas:tour', action: 'goto', step: 3 });
		for (const bad of [null, 'next', [], { type: 'atlas:tour', action: 'goto', step: '3' }, { type: 'atlas:tour', action: 'goto', step: -1 }, { type: 'atlas:tour', action: 'next', extra: 1 }, { type: 'other', action: 'next' }, { type: 'atlas:tour', action: 'eval' }])
			expect(parseTourCommand(bad), JSON.stringify(bad)).toBeNull();
	});
	it('accepts messages only from the parent window, and only from host= when set', () => {
		const parent = {}, self = {}, other = {};
		const none = { kind: 'none' } as const, a = { kind: 'ok', origin: 'https://a.org' } as const;
		expect(acceptOrigin('https://a.org', parent, parent, self, none)).toBe(true);
		expect(acceptOrigin('https://a.org', other, parent, self, none)).toBe(false);
		expect(acceptOrigin('https://a.org', self, self, self, none)).toBe(false);
		expect(acceptOrigin('https://a.org', parent, parent, self, a)).toBe(true);
		expect(acceptOrigin('https://evil.org', parent, parent, self, a)).toBe(false);
		expect(parseHostParam('?host=https://a.org/page')).toBe('https://a.org');
		// a malformed host= is kept (the raw value), never turned into "no host="
		expect(parseHostParam('?host=javascript:alert(1)')).toBe('javascript:alert(1)');
		expect(parseHostParam('')).toBeNull();
	});
});

describe('exports', () => {
	const { compiled } = loadGeodata();
	const mask = new Uint8Array(compiled.length).map((_, i) => (compiled[i].properties.kind === 'airport' ? 1 : 0));
	const chosen = filteredFeatures(compiled, mask);
	it('CSV: UTF-8 BOM, header, one row per filtered feature, zh and en names', () => {
		const csv = toCSV(chosen);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).trim().split('\r\n');
		expect(lines[0]).toContain('name_zh,name_en');
		expect(lines.length).toBe(chosen.length + 1);
		expect(csv).toContain('鄂州花湖');
	});
	it('CSV: neutralises formulas and quotes', () => {
		const f = structuredClone(chosen[0]);
		f.properties.name_en = '=HYPERLINK("x")';
		expect(toCSV([f])).toContain(`"'=HYPERLINK(""x"")"`);
	});
	it('CSV and GeoJSON carry the nearest airport, port and rail hub with km and name', () => {
		const idx = new Map(compiled.map((f, i) => [f.properties.id, i]));
		const hubsOf = (f: (typeof compiled)[number]) => hubDistances(compiled, idx.get(f.properties.id)!);
		const csv = toCSV(chosen, hubsOf).slice(1).trim().split('\r\n');
		const head = csv[0].split(',');
		for (const g of ['airports', 'ports', 'rail']) for (const c of ['km', 'id', 'name_zh', 'name_en']) expect(head).toContain(`nearest_${g}_${c}`);
		const row = csv.find((l) => l.startsWith('"ezhou-huahu-airport"'))!.split('","');
		const h = hubsOf(compiled[idx.get('ezhou-huahu-airport')!]);
		expect(row[head.indexOf('nearest_airports_km')]).toBe(h[0].km.toFixed(2));
		expect(row[head.indexOf('nearest_airports_id')]).toBe(h[0].feature.properties.id);
		const g = JSON.parse(toGeoJSON(chosen, { dataVersion: 'abc', url: 'u' }, hubsOf));
		const hu = g.features.find((x: { properties: { id: string } }) => x.properties.id === 'ezhou-huahu-airport');
		expect(hu.properties.nearest.airports.id).toBe(h[0].feature.properties.id);
		expect(hu.properties.nearest.rail.km).toBeCloseTo(h[2].km, 2);
	});
	it('GeoJSON holds exactly the filtered features', () => {
		const g = JSON.parse(toGeoJSON(chosen, { dataVersion: 'abc', url: 'u' }));
		expect(g.features.map((x: { properties: { id: string } }) => x.properties.id)).toEqual(chosen.map((c) => c.properties.id));
		expect(g.features[0].properties.pinyin).toBeUndefined();
	});
});
