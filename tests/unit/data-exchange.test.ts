/**
 * International-exchange platforms and business districts (#15): every member of the lists the plans give
 * ("…等总部经济核心集聚区", "依托…等服务平台") is in the atlas, under its own name or an alias, citing that plan.
 * The lists are read from the plan texts, so a member the atlas lacks fails here. Needs ../shared/seeds;
 * the data half (kinds, citations, honest precision) runs without it.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadGeodata, root } from './helpers';

const { features } = loadGeodata();
const seeds = join(root, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seeds);

const byName = (name: string) =>
	features.filter((f) => f.properties.name_zh === name || f.properties.aliases.includes(name));
const planText = (prefix: string) => {
	const file = readdirSync(seeds).find((n) => n.startsWith(prefix));
	if (!file) throw new Error(`no plan ${prefix} in ${seeds}`);
	return readFileSync(join(seeds, file), 'utf8').replace(/\s+/g, '');
};

/** [plan prefix, the pattern whose first group is the list, the kind its members have in the atlas] */
const LISTS: [string, RegExp, string[]][] = [
	['004', /加快打造([^。,，；]+?)等总部经济核心集聚区/, ['business-district', 'innovation-area']],
	['004', /依托([^。,，；]+?)等服务平台/, ['international-exchange']]
];

describe.skipIf(!haveSeeds)('named lists in the plans are in the atlas (needs ../shared/seeds)', () => {
	it.each(LISTS)('plan %s %s', (plan, pattern, kinds) => {
		const m = planText(plan).match(pattern);
		expect(m, `pattern ${pattern} not in plan ${plan}`).not.toBeNull();
		const members = m![1].split('、');
		expect(members.length).toBeGreaterThan(2);
		for (const name of members) {
			const hits = byName(name);
			expect(hits.map((f) => f.properties.id), `${name} (plan ${plan})`).toHaveLength(1);
			const f = hits[0];
			expect(kinds, name).toContain(f.properties.kind);
			expect(f.properties.citations.some((c) => c.plan.startsWith(plan)), `${name} cites plan ${plan}`).toBe(true);
		}
	});

	it('the consulate district is cited where each plan names it', () => {
		const [f] = byName('武汉外国领事馆区');
		expect(f).toBeDefined();
		for (const c of f.properties.citations) {
			expect(planText(c.plan.slice(0, 3)), `${c.plan} ${c.section}`).toContain('外国领事馆区建设');
		}
		expect(f.properties.citations.map((c) => c.plan.slice(0, 3)).sort()).toEqual(['000', '001', '003']);
	});
});

describe('exchange platforms and business districts: honest placement', () => {
	const ours = features.filter((f) => ['international-exchange', 'business-district'].includes(f.properties.kind));

	it('there are some, each with a citation', () => {
		expect(ours.length).toBeGreaterThanOrEqual(8);
		for (const f of ours) expect(f.properties.citations.length, f.properties.id).toBeGreaterThan(0);
	});

	it('none claims site precision: the plans give no site for any of them', () => {
		for (const f of ours) expect(['area', 'city'], f.properties.id).toContain(f.properties.location.precision);
	});

	it('an editorial area point says so and gives its uncertainty in both languages', () => {
		const editorial = ours.filter((f) => f.properties.location.basis === 'editorial');
		expect(editorial.length).toBeGreaterThan(0);
		for (const f of editorial) {
			expect(f.properties.location.note, f.properties.id).toMatch(/indicative|±/);
			expect(f.properties.location.note_zh, f.properties.id).toMatch(/示意|±/);
		}
	});
});
