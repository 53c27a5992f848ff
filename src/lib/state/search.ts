/**
 * Search over Chinese names, English names, aliases and toneless pinyin (built at compile time),
 * tolerant of small typos (Fuse.js). Ranking, best first: an exact name, alias, abbreviation (pinyin
 * initials) or code ("WUH" → Tianhe); then a name, alias or pinyin the query begins; then one that
 * contains it; then fuzzy hits. `matchReason` says which of these a hit is and what it matched, so the
 * search box can show why ("alias WUH", "pinyin yangluogang").
 *
 * Entries are plain records (`SearchEntry`): features, and any other searchable thing with the same
 * fields, e.g. place names (kind 'place') that another module adds beside the features.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { CompiledProperties } from '../data/types';
// district and town names (kind 'place') are searched beside the features: place-search.ts
export { createPlaceSearch, loadPlaceSearch, mergeHits, placeIsExact, placesFrom, type PlaceEntry, type PlaceSearch, type SearchItem } from './place-search';

export interface SearchEntry {
	id: string;
	name_zh: string;
	name_en: string;
	aliases: readonly string[];
	pinyin: string;
	pinyin_initials: string;
	/** a feature's kind, or another entry type such as 'place' */
	kind?: string;
}

/** Which field a hit matched. */
export type MatchField = 'name_zh' | 'name_en' | 'alias' | 'pinyin' | 'initials' | 'code';
/** How it matched, best first: the rank order of the results. */
export type MatchHow = 'exact' | 'prefix' | 'contains' | 'fuzzy';
export interface MatchReason {
	how: MatchHow;
	field: MatchField;
	/** the matched text as the entry has it: the alias, the pinyin, the name */
	text: string;
}

const RANK: Record<MatchHow, number> = { exact: 0, prefix: 1, contains: 2, fuzzy: 3 };

const norm = (s: string) => s.toLowerCase().replace(/[\s\-–—_'’·,()（）]/g, '');
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The fields of one entry in the order they are tried, with their normalised text. */
function fields(e: SearchEntry): { field: MatchField; text: string; n: string }[] {
	const out: { field: MatchField; text: string; n: string }[] = [
		{ field: 'name_zh', text: e.name_zh, n: norm(e.name_zh) },
		{ field: 'name_en', text: e.name_en, n: norm(e.name_en) }
	];
	for (const a of e.aliases) out.push({ field: 'alias', text: a, n: norm(a) });
	// the compiled pinyin holds the name's and each alias's pinyin, space-separated: each is its own text
	for (const py of words(e.pinyin)) out.push({ field: 'pinyin', text: py, n: norm(py) });
	return out;
}

/**
 * Why `e` matches `query` without fuzziness, or null. Exact beats prefix beats contains; within one
 * level the first field in the order name_zh, name_en, aliases, pinyin wins. Pinyin initials and the
 * id count only when equal to the whole query (two letters of "ylg" inside another word mean nothing).
 */
export function literalReason(e: SearchEntry, query: string): MatchReason | null {
	const nq = norm(query);
	if (!nq) return null;
	const fs = fields(e);
	let best: MatchReason | null = null;
	const consider = (how: MatchHow, field: MatchField, text: string) => {
		if (!best || RANK[how] < RANK[best.how]) best = { how, field, text };
	};
	for (const f of fs) {
		if (!f.n) continue;
		if (f.n === nq) consider('exact', f.field, f.text);
		else if (f.n.startsWith(nq)) consider('prefix', f.field, f.text);
		else if (f.n.includes(nq)) consider('contains', f.field, f.text);
	}
	if ((best as MatchReason | null)?.how !== 'exact') {
		const ini = words(e.pinyin_initials).find((w) => norm(w) === nq);
		if (ini) consider('exact', 'initials', ini);
		else if (norm(e.id) === nq) consider('exact', 'code', e.id);
	}
	return best;
}

interface Doc {
	i: number;
	zh: string;
	en: string;
	aliases: readonly string[];
	py: string;
	ini: string;
}
const KEY_FIELD: Record<string, MatchField> = { zh: 'name_zh', en: 'name_en', aliases: 'alias', py: 'pinyin', ini: 'initials' };

const fuseOptions = {
	keys: [
		{ name: 'zh', weight: 3 },
		{ name: 'en', weight: 2 },
		{ name: 'aliases', weight: 2 },
		{ name: 'py', weight: 2 },
		{ name: 'ini', weight: 0.5 }
	],
	includeScore: true,
	ignoreLocation: true,
	threshold: 0.34,
	minMatchCharLength: 1
};

const toDoc = (e: SearchEntry, i: number): Doc => ({ i, zh: e.name_zh, en: e.name_en, aliases: e.aliases, py: e.pinyin, ini: e.pinyin_initials });

/** The field a fuzzy hit matched best: the one with the longest matched stretch. */
function fuzzyReason(r: FuseResult<Doc>): MatchReason | null {
	let best: { len: number; reason: MatchReason } | null = null;
	for (const m of r.matches ?? []) {
		const len = m.indices.reduce((n, [a, b]) => Math.max(n, b - a + 1), 0);
		if (!m.key || m.value === undefined || (best && best.len >= len)) continue;
		best = { len, reason: { how: 'fuzzy', field: KEY_FIELD[m.key] ?? 'name_zh', text: m.value } };
	}
	return best?.reason ?? null;
}

/** Why `e` is a hit for `query`: literal if it is one, else its closest fuzzy field; null when neither. */
export function matchReason(e: SearchEntry, query: string): MatchReason | null {
	const lit = literalReason(e, query);
	if (lit) return lit;
	const q = query.trim();
	if (!q) return null;
	const [r] = new Fuse([toDoc(e, 0)], { ...fuseOptions, includeMatches: true }).search(q, { limit: 1 });
	return r ? fuzzyReason(r) : null;
}

export function createSearch(entries: readonly SearchEntry[]) {
	// built on the first query, not at load: 100,000 features must not delay the first map frame
	let fuse: Fuse<Doc> | null = null;
	let zhLen: Int32Array | null = null;

	return function search(query: string, limit = 12): number[] {
		const q = query.trim();
		if (!q) return [];
		fuse ??= new Fuse(entries.map(toDoc), fuseOptions);
		zhLen ??= Int32Array.from(entries, (e) => e.name_zh.length);
		const lens = zhLen;
		const tiers: number[][] = [[], [], []];
		entries.forEach((e, i) => {
			const r = literalReason(e, q);
			if (r) tiers[RANK[r.how]].push(i);
		});
		// within a level, shorter names first: "天河机场" before every place that mentions it
		for (const t of tiers) t.sort((a, b) => lens[a] - lens[b] || a - b);
		const out = tiers.flat();
		if (out.length < limit) {
			const seen = new Set(out);
			for (const r of fuse.search(q, { limit: limit * 2 })) if (!seen.has(r.item.i)) out.push(r.item.i), seen.add(r.item.i);
		}
		return out.slice(0, limit);
	};
}
