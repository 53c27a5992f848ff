import { describe, it, expect } from 'vitest';
import distance from '@turf/distance';
import { buildTowns, zhFor, districtOf } from '../../scripts/basemap-towns';
import { TOWN_AREAS, PLACES } from '../../scripts/basemap-places';
import { createPlaceSearch, placesFrom } from '../../src/lib/state/place-search';

const { fc, counts } = buildTowns(new Set(PLACES.filter((p) => p.country === 'CN').map((p) => p.geonames)));
const byZh = (zh: string) => fc.features.filter((f) => f.properties.name_zh === zh);

describe('towns.geojson (districts and towns of the atlas cities)', () => {
	it('every entry has a Chinese and an English name, a rank and a basis', () => {
		expect(fc.features.length).toBeGreaterThan(300);
		for (const f of fc.features) {
			expect(f.properties.name_zh, f.properties.name_en).toMatch(/^[\u3400-\u9fff]+$/);
			expect(f.properties.name_en).toMatch(/[A-Za-z]/);
			expect([1, 2, 3]).toContain(f.properties.rank);
			expect(['geonames', 'editorial']).toContain(f.properties.basis);
		}
	});
	it('every position lies inside the box of the city it is filed under', () => {
		for (const f of fc.features) {
			const a = TOWN_AREAS.find((x) => x.city === f.properties.city)!;
			const [lon, lat] = f.geometry.coordinates;
			expect(lon >= a.bbox[0] && lon <= a.bbox[2] && lat >= a.bbox[1] && lat <= a.bbox[3], `${f.properties.name_en} in ${a.city}`).toBe(true);
		}
	});
	it('蔡甸区 stands at the GeoNames seat (30.58333 N, 114.03333 E), open data, in Wuhan', () => {
		const [c] = byZh('蔡甸区');
		expect(c.properties).toMatchObject({ kind: 'district', name_en: 'Caidian District', city: 'wuhan', basis: 'geonames', gid: 1816176 });
		expect(distance([114.03, 30.58], c.geometry.coordinates, { units: 'kilometers' })).toBeLessThan(3);
	});
	it('Hefei has its counties from GeoNames (肥西县, 肥东县, 庐江县) and its central districts as editorial entries', () => {
		for (const zh of ['肥西县', '肥东县', '庐江县']) expect(byZh(zh)[0]?.properties).toMatchObject({ city: 'hefei', basis: 'geonames' });
		for (const zh of ['蜀山区', '包河区']) expect(byZh(zh)[0]?.properties).toMatchObject({ city: 'hefei', basis: 'editorial' });
		expect(counts.editorialDistricts).toBe(fc.features.filter((f) => f.properties.basis === 'editorial').length);
	});
	it('one label per district: 黄陂区 once, spelt Huangpi (not GeoNames’ variant Huangbei)', () => {
		expect(byZh('黄陂区').map((f) => f.properties.name_en)).toEqual(['Huangpi District']);
	});
});

describe('Chinese names only when GeoNames spells them', () => {
	// the Caidian seat record's alternatenames include a historical alias of another place
	const caidian = 'Caidian,Caidian Jiedao,Caidian Qu,Han-yang-hsien,Hanyang,Ts’ai-tien,cai dian,蔡甸,蔡甸区,蔡甸街道'.split(',');
	it('picks the alternatename whose pinyin is the record’s own name', () => {
		expect(zhFor(caidian, 'Caidian')).toBe('蔡甸');
		expect(zhFor(caidian, 'Hanyang')).toBeNull();
		expect(zhFor('Sanlidian,Qingxi,三里店,清溪'.split(','), 'Sanlidian')).toBe('三里店');
	});
	it('names the district a seat stands for, and nothing when GeoNames gives no district name', () => {
		expect(districtOf(caidian)).toEqual({ en: 'Caidian District', zh: '蔡甸区' });
		expect(districtOf('Dongxihu,Dongxihu Qu,Wujiashan,东西湖,吴家山'.split(','))).toEqual({ en: 'Dongxihu District', zh: '东西湖区' });
		expect(districtOf('Yuyue,鱼岳'.split(','))).toBeNull();
	});
});

describe('place search', () => {
	const search = createPlaceSearch(placesFrom(fc as GeoJSON.FeatureCollection));
	it('finds 蔡甸区 for 蔡甸, 蔡甸区, Caidian and caidian district, first', () => {
		for (const q of ['蔡甸', '蔡甸区', 'Caidian', 'caidian district', 'caid']) expect(search(q)[0]?.name_zh, q).toBe('蔡甸区');
	});
	it('gives the position to fly to', () => {
		const [p] = search('Caidian');
		expect([p.lon, p.lat]).toEqual([114.03333, 30.58333]);
	});
	it('finds editorial districts too, and nothing for one letter or an unknown name', () => {
		expect(search('汉阳')[0]).toMatchObject({ name_en: 'Hanyang District', basis: 'editorial' });
		expect(search('c')).toEqual([]);
		expect(search('蔡')).toEqual([]);
		expect(search('Atlantis')).toEqual([]);
	});
});
