/**
 * Chinese country names of the offline basemap (scripts/basemap-places.ts countryZh): a zh map showed
 * "LIBYA" and "YEMEN" in English because only a hand table of 62 countries had Chinese names.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { countryZh, COUNTRY_ZH } from '../../scripts/basemap-places';
import { isoCountryZh as library } from '../../scripts/lib/iso-country-zh';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const units = (world.objects.countries as GeometryCollection<{ name: string }>).geometries.map((g) => ({ name: (g.properties as { name: string }).name, id: g.id }));

describe('Chinese country names', () => {
	it('the editorial name wins over the library, the library fills the rest, nothing is used twice', () => {
		const taken = new Set(Object.values(COUNTRY_ZH));
		const table: [string, string | undefined, string][] = [
			['Indonesia', '360', '印度尼西亚'], // library: 印尼
			['Taiwan', '158', '台湾'], // library: 中国台湾省
			['W. Sahara', '732', '西撒哈拉'],
			['Yemen', '887', '也门'],
			['Libya', '434', '利比亚'],
			['Kosovo', undefined, '科索沃'], // no ISO code: editorial only
			['Nowhere', undefined, ''] // neither: the label falls back to English
		];
		for (const [name, id, want] of table) expect(countryZh(name, id, library, taken), name).toBe(want);
		// a second unit under a code already named gets no copy of that name
		expect(countryZh('Somewhere', '887', library, taken)).toBe('');
	});
	it('every one of world-atlas 1:50m units gets a Chinese name, each name once', () => {
		const taken = new Set(Object.values(COUNTRY_ZH));
		const names = units.map((u) => [u.name, countryZh(u.name, u.id, library, taken)] as const);
		const han = /[\u4e00-\u9fff]/;
		expect(names.filter(([, z]) => !han.test(z)).map(([n]) => n)).toEqual([]);
		const counts = new Map<string, number>();
		for (const [, z] of names) counts.set(z, (counts.get(z) ?? 0) + 1);
		expect([...counts].filter(([, k]) => k > 1)).toEqual([]);
		expect(units.length).toBeGreaterThan(200);
	});
});
