import { describe, it, expect } from 'vitest';
import { loadGeodata } from './helpers';
import { createSearch } from '../../src/lib/state/search';
import { searchKeys } from '../../src/lib/data/compile';

const { compiled } = loadGeodata();
const props = compiled.map((f) => f.properties);
const search = createSearch(props);
const first = (q: string) => search(q, 5).map((i) => props[i].id);

describe('search', () => {
	it('builds toneless pinyin keys', () => {
		expect(searchKeys('鄂州花湖机场', []).pinyin).toBe('ezhouhuahujichang');
		expect(searchKeys('阳逻港', []).initials).toBe('ylg');
	});
	it('finds Huahu airport by Chinese, English and pinyin', () => {
		for (const q of ['花湖机场', 'Huahu', 'huahu', 'huahu jichang']) expect(first(q), q).toContain('ezhou-huahu-airport');
	});
	it('finds Yangluo port by Chinese, English, pinyin and with a typo', () => {
		for (const q of ['阳逻港', 'Yangluo', 'yangluo', 'yangluogang', 'yanglou']) expect(first(q), q).toContain('wuhan-yangluo-port');
	});
	it('finds bonded zones by the abbreviation 综保区', () => {
		const hits = search('综保区', 20).map((i) => props[i].kind);
		expect(hits.filter((k) => k === 'bonded-zone').length).toBeGreaterThanOrEqual(3);
	});
	it('returns nothing for an empty query', () => expect(search('  ')).toEqual([]));
});
