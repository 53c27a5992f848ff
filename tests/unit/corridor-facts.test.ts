/** Corridor facts are data: each fact cites one of the feature's own plan sections, and names what the plan names. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, loadGeodata } from './helpers';
import { CORRIDOR_KINDS } from '../../src/lib/data/schema';

const { compiled, errors } = loadGeodata();
const byId = new Map(compiled.map((f) => [f.properties.id, f]));
const corridors = compiled.filter((f) => (CORRIDOR_KINDS as readonly string[]).includes(f.properties.kind));
const seeds = join(root, '..', 'shared', 'seeds');
const norm = (s: string) => s.replace(/\s+/g, '');

describe('corridor facts', () => {
	it('validate, and every corridor (only corridors) carries a facts record', () => {
		expect(errors).toEqual([]);
		for (const f of corridors) expect(f.properties.corridor, f.properties.id).toBeDefined();
		for (const f of compiled) if (!corridors.includes(f)) expect(f.properties.corridor, f.properties.id).toBeUndefined();
	});

	it('every fact cites a plan section the feature itself cites', () => {
		for (const f of corridors) {
			const c = f.properties.corridor!;
			const own = new Set(f.properties.citations.map((x) => `${x.plan}|${x.section}`));
			const cites = [c.mode?.cite, ...c.origins.map((p) => p.cite), ...c.destinations.map((p) => p.cite), ...c.border_crossings.map((p) => p.cite), c.length_km?.cite, c.travel_days?.cite, ...c.frequency.map((x) => x.cite), ...c.volume.map((x) => x.cite)].filter(Boolean);
			for (const k of cites) expect(own.has(`${k!.plan}|${k!.section}`), `${f.properties.id}: ${k!.plan} ${k!.section}`).toBe(true);
		}
	});

	it('terminals that are atlas features exist; volume facts name the feature’s own targets; frequency agrees with them', () => {
		for (const f of corridors) {
			const c = f.properties.corridor!;
			for (const p of [...c.origins, ...c.destinations, ...c.border_crossings]) if (p.id) expect(byId.has(p.id), `${f.properties.id} → ${p.id}`).toBe(true);
			for (const v of c.volume) expect(f.properties.targets.some((t) => t.metric === v.metric), `${f.properties.id}: ${v.metric}`).toBe(true);
			for (const q of c.frequency.filter((x) => x.per === 'year' && x.unit === 'trains')) {
				const t = f.properties.targets.find((x) => x.metric === 'trains-per-year');
				expect(t && t.value === q.value && t.year === q.year, f.properties.id).toBe(true);
			}
		}
	});

	it('nothing is estimated: no plan states a length or travel time, so none is recorded', () => {
		for (const f of corridors) {
			expect(f.properties.corridor!.length_km).toBeNull();
			expect(f.properties.corridor!.travel_days).toBeNull();
			expect(f.properties.corridor!.border_crossings).toEqual([]);
		}
	});

	it.skipIf(!existsSync(seeds))('every named place occurs in the plan text it cites', () => {
		const text = new Map<string, string>();
		const read = (plan: string) => text.get(plan) ?? (text.set(plan, norm(readFileSync(join(seeds, `${plan}.txt`), 'utf8'))), text.get(plan)!);
		for (const f of corridors) {
			const c = f.properties.corridor!;
			for (const p of [...c.origins, ...c.destinations, ...c.border_crossings]) expect(read(p.cite.plan).includes(norm(p.name_zh)), `${f.properties.id}: ${p.name_zh} in ${p.cite.plan}`).toBe(true);
			for (const q of c.frequency) expect(read(q.cite.plan).includes(`${q.value}列`), `${f.properties.id}: ${q.value}列`).toBe(true);
		}
	});
});
