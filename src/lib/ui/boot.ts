/**
 * Start-up shared by the app and the embed: read the URL into the store, load data and basemap,
 * keep the address bar in step with the state (replaceState, throttled: no history flood).
 */
import { decode, encodeToString } from '../state/url';
import { createAtlasStore, type AtlasStore } from '../state/store';
import { loadAtlas, type AtlasData, AtlasLoadError } from '../data/load';
import { loadBasemap, type BasemapData } from '../map/basemap';
import { prepareLayers, type PreparedLayers } from '../map/prepare';
import type { Lang } from '../state/state';

export const LANG_KEY = 'atlas-lang';

export function storedLang(): Lang | null {
	try {
		const v = localStorage.getItem(LANG_KEY);
		return v === 'zh' || v === 'en' ? v : null;
	} catch {
		return null;
	}
}

/** Remember the interface language for the next visit (the atlas and the About page share it). */
export function rememberLang(l: Lang) {
	try {
		localStorage.setItem(LANG_KEY, l);
	} catch {
		/* private mode: the language is still in the URL */
	}
}

export function browserLang(): Lang {
	return storedLang() ?? (navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en');
}

export function storeFromUrl(search: string): { atlas: AtlasStore; ignored: string[] } {
	const { state, ignored } = decode(search, browserLang());
	return { atlas: createAtlasStore(state), ignored };
}

export interface Loaded {
	data: AtlasData;
	basemap: BasemapData;
	prepared: PreparedLayers;
}

export async function loadAll(base: string): Promise<Loaded> {
	performance.mark('atlas:load-start');
	const [data, basemap] = await Promise.all([
		loadAtlas(base),
		loadBasemap(base).catch((e) => {
			throw new AtlasLoadError('basemap', (e as Error).message);
		})
	]);
	performance.mark('atlas:fetched');
	const prepared = prepareLayers(data.features);
	// marks for the benchmark (scripts/bench.ts) and the performance panel
	performance.mark('atlas:data-ready');
	return { data, basemap, prepared };
}

/** Mirror the state in the address bar; returns the unsubscribe function. */
export function syncUrl(atlas: AtlasStore, replace: (url: string) => void, extra: () => string = () => ''): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let last = '';
	const unsub = atlas.subscribe((s) => {
		rememberLang(s.lang);
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			const q = encodeToString(s) + extra();
			if (q === last) return;
			last = q;
			replace(`?${q}${location.hash}`);
		}, 250);
	});
	return () => {
		unsub();
		if (timer) clearTimeout(timer);
	};
}

export function hasWebGL(): boolean {
	try {
		const c = document.createElement('canvas');
		return !!(c.getContext('webgl2') || c.getContext('webgl'));
	} catch {
		return false;
	}
}
