import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateFeatures, validatePlans, formatError, parseSource, type SourceFile } from '../../src/lib/data/validate';

const fx = join(import.meta.dirname, '..', 'fixtures');
function read(path: string, name = path): SourceFile {
	return parseSource(name, readFileSync(path));
}
const { plans } = validatePlans(read(join(fx, 'valid', 'plans.json')));
const expected = JSON.parse(readFileSync(join(fx, 'broken', 'expected.json'), 'utf8')) as Record<string, { feature: string | null; field: string | null }>;

describe('validator', () => {
	it('accepts the valid fixture', () => {
		const r = validateFeatures([read(join(fx, 'valid', 'layer.geojson'), 'layer.geojson')], plans);
		expect(r.errors).toEqual([]);
		expect(r.features.map((f) => f.properties.id)).toEqual(['wuhan-test-port', 'wuhan-test-rail']);
	});

	const cases = readdirSync(join(fx, 'broken')).filter((f) => f.endsWith('.geojson'));
	it('has a broken file for every expected case', () => {
		expect(cases.map((c) => c.replace('.geojson', '')).sort()).toEqual(Object.keys(expected).sort());
	});
	for (const c of cases) {
		const name = c.replace('.geojson', '');
		it(`rejects ${name}, naming file, feature and field`, () => {
			const file = `broken/${c}`;
			const r = validateFeatures([read(join(fx, 'broken', c), file)], plans);
			expect(r.errors.length).toBeGreaterThan(0);
			const want = expected[name];
			const hit = r.errors.find((e) => e.file === file && e.feature === want.feature && (want.field === null || e.field === want.field));
			expect(hit, `errors were: ${r.errors.map(formatError).join(' | ')}`).toBeTruthy();
			const msg = formatError(hit!);
			expect(msg).toContain(file);
			if (want.feature) expect(msg).toContain(want.feature);
			if (want.field) expect(msg).toContain(want.field);
		});
	}

	it('rejects a plans file with a missing title', () => {
		const r = validatePlans({ name: 'plans.json', json: [{ ...plans[0], title_en: undefined }] });
		expect(r.errors[0].field).toBe('[0].title_en');
	});
});

describe('npm run data on broken geodata', () => {
	it('exits 1 and names the file, feature and field', () => {
		const dir = join(fx, 'broken-dir');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts'], {
			cwd: join(import.meta.dirname, '..', '..'),
			env: { ...process.env, GEODATA_DIR: dir, DATA_OUT: join(import.meta.dirname, '..', '..', 'test-output', 'broken-data') },
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/layer\.geojson › feature "wuhan-test-port" › field "properties\.kind"/);
	});
});
