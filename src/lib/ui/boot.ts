/**
 * Start-up helpers for the app shell (ui/AppShell.svelte): the remembered language, loading data and
 * basemap, the URL writer, the WebGL check.
 */
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

/**
 * The one URL writer: the address bar follows the whole state (tour included) with replaceState,
 * throttled so a camera animation does not flood the history; the language is remembered on the
 * same path. Returns write(query, lang) and a dispose function.
 */
export function createUrlWriter(replace: (url: string) => void, delayMs = 250) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let last = '';
	let lastLang: Lang | null = null;
	return {
		write(query: string, lang: Lang) {
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => {
				timer = null;
				if (lang !== lastLang) {
					lastLang = lang;
					rememberLang(lang);
				}
				if (query === last) return;
				last = query;
				replace(`?${query}${location.hash}`);
			}, delayMs);
		},
		dispose() {
			if (timer) clearTimeout(timer);
		}
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
