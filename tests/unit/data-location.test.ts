/** Where every point comes from, in both languages, and how precise it may claim to be. No ../shared needed. */
import { describe, it, expect } from 'vitest';
import { loadGeodata } from './helpers';

const { features } = loadGeodata();
const cjk = /[\u4e00-\u9fff]/;
const byId = new Map(features.map((f) => [f.properties.id, f]));

describe('location sources of the atlas geodata', () => {
	it('every drawn feature says whether its coordinates rest on open data or editorial knowledge; unlocated ones say nothing', () => {
		const bad: string[] = [];
		for (const f of features) {
			const l = f.properties.location;
			if (l.precision === 'unlocated') {
				if (l.basis) bad.push(`${f.properties.id}: unlocated but basis ${l.basis}`);
			} else if (!l.basis) bad.push(`${f.properties.id}: no location.basis`);
		}
		expect(bad).toEqual([]);
	});

	it('open data is named: dataset, row id and licence', () => {
		const bad: string[] = [];
		for (const f of features) {
			const l = f.properties.location;
			if (l.basis === 'open-data' || l.basis === 'mixed')
				for (const k of ['dataset', 'dataset_id', 'licence'] as const) if (!l[k]) bad.push(`${f.properties.id}: ${l.basis} without ${k}`);
			if (l.basis === 'editorial' && (l.dataset || l.dataset_id)) bad.push(`${f.properties.id}: editorial but names a dataset`);
		}
		expect(bad).toEqual([]);
	});

	it('no guess is presented as exact: site precision only from open data, never from a town, street or city seat', () => {
		const bad: string[] = [];
		for (const f of features) {
			const l = f.properties.location;
			if (l.precision !== 'site') continue;
			if (l.basis !== 'open-data') bad.push(`${f.properties.id}: site precision on ${l.basis}`);
			if (/GeoNames|place:gn-/.test(`${l.dataset} ${l.dataset_id}`)) bad.push(`${f.properties.id}: site precision on a GeoNames seat`);
		}
		expect(bad).toEqual([]);
	});

	it('every coordinate source and note is in Chinese as well as English', () => {
		const bad: string[] = [];
		for (const f of features) {
			const l = f.properties.location;
			if (!l.source_zh || !cjk.test(l.source_zh)) bad.push(`${f.properties.id}: source_zh`);
			if (l.note && (!l.note_zh || !cjk.test(l.note_zh))) bad.push(`${f.properties.id}: note_zh`);
			if (l.note_zh && !l.note) bad.push(`${f.properties.id}: note_zh without note`);
		}
		expect(bad).toEqual([]);
	});

	it('a target whose year the text does not state says so in both languages', () => {
		const bad: string[] = [];
		for (const f of features)
			for (const t of f.properties.targets)
				if (t.year_basis && t.year_basis !== 'stated' && !(t.year_note_zh && t.year_note_en)) bad.push(`${f.properties.id} ${t.metric}`);
		expect(bad).toEqual([]);
	});

	it('keeps the resolved placement conflicts (issue #15)', () => {
		const pt = (id: string) => {
			const g = byId.get(id)!.geometry;
			return g && g.type === 'Point' ? g.coordinates : null;
		};
		// Sino-German park: city precision sits on the Wuhan city point, not on a district seat
		const sg = byId.get('wuhan-sino-german-industrial-park')!.properties;
		expect(sg.location.precision).toBe('city');
		expect(pt('wuhan-sino-german-industrial-park')).toEqual(pt('city-wuhan'));
		expect(sg.district_zh).toBeUndefined();
		// Qipanzhou: the three features share the GeoNames seat of Weiyuankou
		for (const id of ['huangshi-qipanzhou-bonded-zone', 'huangshi-qipanzhou-port-area', 'huangshi-new-port-industrial-park'])
			expect(byId.get(id)!.properties.location.dataset_id, id).toMatch(/^geonameid 1791572 /);
		// Hanchuan: Xiannüshan street, not the rounded GeoNames "Hanchuan" point
		expect(byId.get('xiaogan-hanchuan-development-zone')!.properties.location.dataset_id).toMatch(/^geonameid 8514914 /);
		// Tuanfeng and Huashan: riverside editorial points, the GeoNames seat recorded in the note
		for (const [id, gid] of [['huanggang-tuanfeng-port-economic-zone', '1792467'], ['wuhan-huashan-port-area', '7905236']] as const) {
			const l = byId.get(id)!.properties.location;
			expect(l.basis, id).toBe('editorial');
			expect(l.note, id).toContain(gid);
		}
		// the rail container centre keeps Wujiashan and records the Zoumaling listing
		const rc = byId.get('wuhan-china-europe-rail-hub')!.properties.location;
		expect(rc.note).toMatch(/Zoumaling.*7895993/);
	});
});
