/**
 * Search over Chinese names, English names, aliases and toneless pinyin (built at compile time),
 * tolerant of small typos (Fuse.js). Exact substring hits rank before fuzzy ones.
 */
import Fuse from 'fuse.js';
import type { CompiledProperties } from '../data/types';
// district and town names (kind 'place') are searched beside the features: place-search.ts
export { createPlaceSearch, loadPlaceSearch, placesFrom, type PlaceEntry, type PlaceSearch } from './place-search';

type P = Pick<CompiledProperties, 'id' | 'name_zh' | 'name_en' | 'aliases' | 'pinyin' | 'pinyin_initials'>;

interface Doc {
	i: number;
	zh: string;
	en: string;
	aliases: string;
	py: string;
	ini: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s\-–—_'’·,()（）]/g, '');

export function createSearch(features: readonly P[]) {
	const docs: Doc[] = features.map((p, i) => ({
		i,
		zh: p.name_zh,
		en: p.name_en,
		aliases: p.aliases.join(' | '),
		py: p.pinyin,
		ini: p.pinyin_initials
	}));
	// built on the first query, not at load: 100,000 features must not delay the first map frame
	let compact: string[] | null = null;
	let fuse: Fuse<Doc> | null = null;
	const options = {
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

	return function search(query: string, limit = 12): number[] {
		const q = query.trim();
		if (!q) return [];
		compact ??= docs.map((d) => norm([d.zh, d.en, d.aliases, d.py].join('|')));
		fuse ??= new Fuse(docs, options);
		const nq = norm(q);
		const exact: number[] = [];
		compact.forEach((c, i) => {
			if (nq && c.includes(nq)) exact.push(i);
		});
		// shorter names first among exact hits: "天河机场" before every place that mentions it
		exact.sort((a, b) => docs[a].zh.length - docs[b].zh.length);
		const out = [...exact];
		if (out.length < limit) {
			for (const r of fuse.search(q, { limit: limit * 2 })) if (!out.includes(r.item.i)) out.push(r.item.i);
		}
		return out.slice(0, limit);
	};
}
