import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_IDS, PLAN_CODES, planCode, planIdOf, planCodesOf } from '../../src/lib/data/plans';
import { decode, encodeToString } from '../../src/lib/state/url';
import { defaultState } from '../../src/lib/state/state';

const plansFile = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'plans.json'), 'utf8')) as { id: string }[];

describe('plan ids and short codes', () => {
	it('are exactly the plans of geodata/plans.json, in its order', () => {
		expect(PLAN_IDS).toEqual(plansFile.map((p) => p.id));
	});
	it('every plan has a unique 3-digit code that links round-trip (p=)', () => {
		expect(new Set(PLAN_CODES).size).toBe(PLAN_IDS.length);
		for (const id of PLAN_IDS) {
			expect(planCode(id)).toMatch(/^\d{3}$/);
			expect(planIdOf(planCode(id))).toBe(id);
			const s = defaultState('en');
			s.filters.plans = [id];
			const back = decode(encodeToString(s));
			expect(back.ignored).toEqual([]);
			expect(back.state.filters.plans).toEqual([id]);
		}
	});
	it.each([
		['001_f9b1cb22bc2c1300', '001'],
		['no-prefix', 'no-prefix'],
		['12_short', '12_short']
	])('planCode(%s) = %s', (id, code) => expect(planCode(id)).toBe(code));
	it('an unknown code is refused and named', () => {
		expect(planIdOf('999')).toBeNull();
		expect(decode('p=001,999').ignored).toEqual(['p']);
	});
	it('lists a feature’s plan codes once each, in order', () => {
		expect(planCodesOf([{ plan: '004_x' }, { plan: '001_y' }, { plan: '004_z' }])).toEqual(['001', '004']);
	});
});
