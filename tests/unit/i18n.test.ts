/**
 * The interface speaks both languages through Paraglide messages only: the two message files match,
 * every key the code asks for exists, no interface text is written into the markup, and every unit
 * the data uses has a translation.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, loadGeodata } from './helpers';
import { formatQuantity, unitKey, t } from '../../src/lib/i18n';

type Messages = Record<string, string | unknown[]>;
const read = (l: string) => JSON.parse(readFileSync(join(root, 'src/lib/i18n/messages', `${l}.json`), 'utf8')) as Messages;
const en = read('en'), zh = read('zh');
const keys = (m: Messages) => Object.keys(m).filter((k) => k !== '$schema').sort();

function sources(dir: string, ext: RegExp): string[] {
	return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && ext.test(d.name) && !d.parentPath.includes('paraglide'))
		.map((d) => join(d.parentPath, d.name));
}
const svelteFiles = [...sources('src/lib', /\.svelte$/), ...sources('src/routes', /\.svelte$/)];
const codeFiles = [...svelteFiles, ...sources('src/lib', /\.ts$/), ...sources('src/routes', /\.ts$/)];

/** A Svelte file's markup with scripts, styles, comments and {expressions} taken out. */
function markupText(src: string): string {
	let s = src.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '');
	let out = '', depth = 0;
	for (const ch of s) {
		if (ch === '{') depth++;
		else if (ch === '}') depth = Math.max(0, depth - 1);
		else if (depth === 0) out += ch;
	}
	return out;
}

describe('interface strings', () => {
	it('the Chinese and English message files have the same keys, none empty', () => {
		expect(keys(zh)).toEqual(keys(en));
		const empty = keys(en).filter((k) => !en[k] || !zh[k] || (typeof en[k] === 'string' && !(en[k] as string).trim()));
		expect(empty).toEqual([]);
		expect(keys(en).length).toBeGreaterThan(250);
	});

	it('every message key the code names literally exists', () => {
		const missing: string[] = [];
		for (const f of codeFiles) {
			const src = readFileSync(f, 'utf8');
			for (const m of src.matchAll(/\bt\(\s*[\w.]+\s*,\s*'([a-z0-9_]+)'/g)) if (!(m[1] in en)) missing.push(`${relative(root, f)}: ${m[1]}`);
		}
		expect(missing).toEqual([]);
	});

	it('no interface text is written into the markup (text nodes and labelling attributes)', () => {
		const found: string[] = [];
		// symbols that are not words in either language
		const inert = /^[\s×▲▼—·/∅←→↑↓•:,()|+\-–]*$/;
		for (const f of svelteFiles) {
			if (f.includes(`${join('routes', 'bench')}`)) continue; // the benchmark baseline page shows no text
			const m = markupText(readFileSync(f, 'utf8'));
			for (const x of m.matchAll(/>([^<>]+)</g)) if (!inert.test(x[1]) && /[A-Za-z\u4e00-\u9fff]/.test(x[1])) found.push(`${relative(root, f)}: text "${x[1].trim()}"`);
			for (const x of m.matchAll(/\b(aria-label|title|placeholder|alt|aria-description)="([^"]*)"/g))
				if (/[A-Za-z\u4e00-\u9fff]/.test(x[2])) found.push(`${relative(root, f)}: ${x[1]}="${x[2]}"`);
		}
		expect(found).toEqual([]);
	});

	it('no Chinese text is written into the code either (it belongs in zh.json)', () => {
		const found: string[] = [];
		for (const f of codeFiles) {
			const src = readFileSync(f, 'utf8')
				.replace(/\/\*[\s\S]*?\*\//g, '')
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/(^|[^:])\/\/.*$/gm, '$1');
			for (const m of src.matchAll(/(['"`])((?:(?!\1).)*[\u4e00-\u9fff](?:(?!\1).)*)\1/g))
				// the language button names itself in its own language, as language pickers do
				if (m[2] !== '中文') found.push(`${relative(root, f)}: ${m[0]}`);
		}
		expect(found).toEqual([]);
	});

	it('the scanner itself sees hard-coded text (so the checks above can fail)', () => {
		const m = markupText('<script>const a = 1;</script><p>Close</p><b>{t(lang, "x")}</b><span title="关闭">×</span>');
		expect(m).toContain('Close');
		expect(m).toContain('title="关闭"');
		expect(m).not.toContain('t(lang');
	});
});

describe('units of the plan figures', () => {
	const units = [...new Set(loadGeodata().compiled.flatMap((f) => f.properties.targets.map((x) => x.unit)))].sort();

	it('every unit in the data has a message in both languages, taking the number', () => {
		expect(units.length).toBeGreaterThan(20);
		const bad = units.filter((u) => !(unitKey(u) in en) || !(unitKey(u) in zh) || !JSON.stringify(en[unitKey(u)]).includes('{n}') || !String(zh[unitKey(u)]).includes('{n}'));
		expect(bad).toEqual([]);
	});

	it('figures read naturally in each language; the number is never changed', () => {
		expect(formatQuantity(1300, 'trains', 'en')).toBe('1,300 trains');
		expect(formatQuantity(1300, 'trains', 'zh')).toBe('1,300列');
		expect(formatQuantity(1, 'centres', 'en')).toBe('1 centre');
		expect(formatQuantity(2000000, 'TEU', 'zh')).toBe('2,000,000标箱');
		expect(formatQuantity(8.8, '%', 'en')).toBe('8.8%');
		// 亿 amounts: 亿元 in Chinese, billions in English (×0.1, exact to four decimals)
		expect(formatQuantity(10000, 'CNY-100m', 'zh')).toBe('10,000亿元');
		expect(formatQuantity(10000, 'CNY-100m', 'en')).toBe('1,000 bn yuan');
		expect(formatQuantity(73.4, 'USD-100m', 'en')).toBe('US$7.34 bn');
		expect(formatQuantity(1.25, 'CNY-100m', 'en')).toBe('0.125 bn yuan');
		expect(formatQuantity(2, 'times-2015-level', 'zh')).toBe('2015年的2倍');
		// a code without a message is shown as it is
		expect(formatQuantity(3, 'widgets', 'en')).toBe('3 widgets');
		// no English unit word is left in a Chinese figure
		for (const u of units) expect(formatQuantity(5, u, 'zh'), u).not.toMatch(/[A-Za-z]/);
		expect(t('en', 'unit_teu', { n: '5', count: 5 })).toBe('5 TEU');
	});
});
