/**
 * Start-up helpers for the app shell (ui/AppShell.svelte): the remembered language, loading data and
 * basemap, the URL writer, the WebGL check.
 */
import { loadAtlas, type AtlasData, AtlasLoadError } from '../data/load';
import { loadBasemap, EMPTY_BASEMAP, type BasemapData } from '../map/basemap';
import { trackedFetch, StalledError, type Progress } from '../data/fetch';
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
	/** why the basemap is missing (the data is then drawn on a plain background), or null */
	basemapError: string | null;
}

/**
 * Data and basemap in parallel, through one fetch that reports bytes and gives up on a stalled
 * request. Without data there is no atlas (an error naming the file); without a basemap there is:
 * the data is drawn on the plain background and the shell says why.
 */
export async function loadAll(base: string, onProgress: (p: Progress) => void = () => {}, fetchFn: typeof fetch = fetch): Promise<Loaded> {
	performance.mark('atlas:load-start');
	const f = trackedFetch(onProgress, 20_000, fetchFn);
	const [data, bm] = await Promise.all([
		loadAtlas(base, f).catch((e) => {
			throw e instanceof StalledError ? new AtlasLoadError(e.url, e.message) : e;
		}),
		loadBasemap(base, f).then(
			(b) => ({ basemap: b, error: null }),
			(e: Error) => ({ basemap: EMPTY_BASEMAP, error: e instanceof StalledError ? `${e.url}: ${e.message}` : e.message })
		)
	]);
	performance.mark('atlas:fetched');
	const prepared = prepareLayers(data.features);
	// marks for the benchmark (scripts/bench.ts) and the performance panel
	performance.mark('atlas:data-ready');
	return { data, basemap: bm.basemap, prepared, basemapError: bm.error };
}

/**
 * The one URL writer: the address bar follows the whole state (tour included). A change of the
 * history key (what Back should undo: the selection, a tour step) pushes an entry at once; anything
 * else (camera moves, filter ticks) replaces the current one, throttled so an animation does not
 * flood the history. The language is remembered on the same path. A quiet write (a tour export stepping
 * the map) only replaces, and leaves the key as it was: the reader's view given back after it is no new place.
 */
export function createUrlWriter(
	replace: (url: string) => void,
	push: (url: string) => void = replace,
	delayMs = 250,
	hash: () => string = () => location.hash
) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let last = '';
	let lastKey: string | null = null;
	let lastLang: Lang | null = null;
	return {
		write(query: string, lang: Lang, historyKey = '', quiet = false) {
			if (timer) clearTimeout(timer);
			if (lastKey === null) lastKey = historyKey;
			else if (historyKey !== lastKey && !quiet) {
				// a new place in the reader's path: its own history entry, written now
				lastKey = historyKey;
				last = query;
				lastLang = lang;
				rememberLang(lang);
				push(`?${query}${hash()}`);
				return;
			}
			timer = setTimeout(() => {
				timer = null;
				if (lang !== lastLang) {
					lastLang = lang;
					rememberLang(lang);
				}
				if (query === last) return;
				last = query;
				replace(`?${query}${hash()}`);
			}, delayMs);
		},
		/** After Back/Forward: the address already says this, nothing to write for it. */
		arrived(query: string, historyKey: string) {
			if (timer) clearTimeout(timer);
			last = query;
			lastKey = historyKey;
		},
		dispose() {
			if (timer) clearTimeout(timer);
		}
	};
}

export function hasWebGL(): boolean {
	try {
		const c = document.createElement('canvas');
		const gl = c.getContext('webgl2') || c.getContext('webgl');
		// give the probe's context back at once: a page holds at most 16 (the oldest is then lost),
		// and several embeds in one page each probe before making the map's
		gl?.getExtension('WEBGL_lose_context')?.loseContext();
		return !!gl;
	} catch {
		return false;
	}
}
