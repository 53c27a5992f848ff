/**
 * URL codec: the whole view state in a query string, and back.
 * decode() never throws: a malformed, unknown or hostile part falls back to its default alone and is
 * reported in `ignored`, so the app can say briefly what it could not use.
 */
import { CITIES, KINDS, STATUSES, INDUSTRIES, LEVELS } from '../data/schema';
import { PLAN_CODES, planCode, planIdOf } from '../data/plans';
import type { AtlasState, Camera, Filters, Lang, NearTerm } from './state';
import { defaultState } from './state';
import { GROUP_IDS } from '../legend';
import { strictParams } from './params';

export interface Decoded {
	state: AtlasState;
	/** URL parameter names whose value was ignored */
	ignored: string[];
	/** whether the link set the camera (if not, the map opens on OPENING_BOUNDS) */
	hasCamera: boolean;
}

const round = (n: number, d: number) => Number(n.toFixed(d));
/** Camera precision in links: ~1 m in position, 1/100 zoom level. */
export function roundCamera(c: Camera): Camera {
	return {
		lon: round(c.lon, 5),
		lat: round(c.lat, 5),
		zoom: round(c.zoom, 2),
		bearing: round(c.bearing, 1),
		pitch: round(c.pitch, 1)
	};
}

export function encode(s: AtlasState): URLSearchParams {
	const q = new URLSearchParams();
	const c = roundCamera(s.camera);
	q.set('c', [c.lon, c.lat, c.zoom, c.bearing, c.pitch].join(','));
	q.set('l', s.layers.join(','));
	const f = s.filters;
	if (f.kinds.length) q.set('k', f.kinds.join(','));
	if (f.cities.length) q.set('city', f.cities.join(','));
	if (f.statuses.length) q.set('st', f.statuses.join(','));
	if (f.statusYear !== null) q.set('y', String(f.statusYear));
	if (f.plans.length) q.set('p', f.plans.map(planCode).join(','));
	if (f.levels.length) q.set('lv', f.levels.join(','));
	if (f.industries.length) q.set('ind', f.industries.join(','));
	if (f.hasTargets) q.set('t', '1');
	if (f.near.length) q.set('near', encodeNear(f.near));
	if (f.nearKnown) q.set('nk', '1');
	if (s.selected) q.set('sel', s.selected);
	if (s.tour) {
		q.set('tour', s.tour.id);
		q.set('step', String(s.tour.step));
	}
	q.set('lang', s.lang);
	if (s.basemap !== 'offline') q.set('bm', s.basemap);
	if (s.dataVersion) q.set('v', s.dataVersion);
	if (s.compare.length) q.set('cmp', s.compare.join(','));
	if (s.corridorColour !== 'group') q.set('cc', s.corridorColour);
	if (s.timeline.playing) q.set('play', '1');
	if (s.timeline.compare) q.set('chg', s.timeline.compare.join(','));
	return q;
}

export function encodeToString(s: AtlasState): string {
	return encode(s).toString().replace(/%2C/g, ',');
}

function list<T extends string>(raw: string, allowed: readonly T[]): T[] | null {
	if (raw === '') return [];
	const parts = raw.split(',');
	if (parts.length > 200) return null;
	const out: T[] = [];
	for (const p of parts) {
		if (!(allowed as readonly string[]).includes(p)) return null;
		if (!out.includes(p as T)) out.push(p as T);
	}
	return out;
}

/** near=airports:30,rail:20 — group ids as in l=, km up to 20,000 with at most 2 decimals */
export function encodeNear(terms: readonly NearTerm[]): string {
	return terms.map((t) => `${t.group}:${round(t.km, 2)}`).join(',');
}

export const NEAR_MAX_KM = 20000;

/** Terms that parse, and the ones that do not (an unknown group, a bad or repeated km) by their text. */
export function decodeNear(raw: string): { terms: NearTerm[]; bad: string[] } {
	const terms: NearTerm[] = [];
	const bad: string[] = [];
	if (raw === '') return { terms, bad };
	const parts = raw.split(',');
	if (parts.length > GROUP_IDS.length * 2) return { terms, bad: [raw.slice(0, 40)] };
	for (const part of parts) {
		const m = /^([a-z-]{1,40}):(\d{1,5}(?:\.\d{1,2})?)$/.exec(part);
		const km = m ? Number(m[2]) : NaN;
		if (!m || !GROUP_IDS.includes(m[1]) || !(km > 0 && km <= NEAR_MAX_KM) || terms.some((t) => t.group === m[1])) bad.push(part.slice(0, 40));
		else terms.push({ group: m[1], km });
	}
	return { terms, bad };
}

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function decode(input: string | URLSearchParams, fallbackLang: Lang = 'zh'): Decoded {
	const state = defaultState(fallbackLang);
	const defaultCamera = state.camera;
	const ignored: string[] = [];
	let q: URLSearchParams;
	if (typeof input === 'string') {
		// a part that is not valid percent-encoding is left out and named (never a U+FFFD value)
		const strict = strictParams(input);
		q = strict.params;
		ignored.push(...strict.malformed);
	} else q = input;
	const get = (k: string) => {
		const all = q.getAll(k);
		return all.length ? all[all.length - 1] : null;
	};
	const bad = (k: string) => {
		if (!ignored.includes(k)) ignored.push(k);
	};
	const f: Filters = state.filters;

	const c = get('c');
	if (c !== null) {
		const n = c.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
		const [lon, lat, zoom, bearing = 0, pitch = 0] = n;
		const ok =
			(n.length === 3 || n.length === 5) &&
			n.every(Number.isFinite) &&
			lon >= -180 && lon <= 180 && lat >= -85 && lat <= 85 &&
			zoom >= 0 && zoom <= 22 && bearing >= -180 && bearing <= 360 && pitch >= 0 && pitch <= 85;
		if (ok) state.camera = roundCamera({ lon, lat, zoom, bearing, pitch });
		else bad('c');
	}
	const l = get('l');
	if (l !== null) {
		const v = list(l, GROUP_IDS);
		if (v) state.layers = v;
		else bad('l');
	}
	const lists: [string, keyof Filters, readonly string[]][] = [
		['k', 'kinds', KINDS],
		['city', 'cities', CITIES],
		['st', 'statuses', STATUSES],
		['lv', 'levels', LEVELS],
		['ind', 'industries', INDUSTRIES]
	];
	for (const [key, field, allowed] of lists) {
		const raw = get(key);
		if (raw === null) continue;
		const v = list(raw, allowed);
		if (v) (f[field] as string[]) = v;
		else bad(key);
	}
	const p = get('p');
	if (p !== null) {
		// plan ids are long; links use their short code ("001", data/plans.ts)
		const v = list(p, PLAN_CODES);
		if (v) f.plans = v.map((s) => planIdOf(s)!);
		else bad('p');
	}
	const y = get('y');
	if (y !== null) {
		const n = /^\d{4}$/.test(y) ? Number(y) : NaN;
		if (n >= 2000 && n <= 2035) f.statusYear = n;
		else bad('y');
	}
	const t = get('t');
	if (t !== null) {
		if (t === '1' || t === '0') f.hasTargets = t === '1';
		else bad('t');
	}
	const near = get('near');
	if (near !== null) {
		const { terms, bad: wrong } = decodeNear(near);
		f.near = terms;
		// each unusable term is named on its own: "near (foo:3)"
		for (const w of wrong) bad(`near (${w})`);
	}
	const nk = get('nk');
	if (nk !== null) {
		if (nk === '1' || nk === '0') f.nearKnown = nk === '1';
		else bad('nk');
	}
	const sel = get('sel');
	if (sel !== null) {
		if (sel.length <= 120 && ID_RE.test(sel)) state.selected = sel;
		else bad('sel');
	}
	const tour = get('tour');
	if (tour !== null) {
		if (tour.length <= 60 && ID_RE.test(tour)) state.tour = { id: tour, step: 0 };
		else bad('tour');
	}
	const step = get('step');
	if (step !== null) {
		// a step means nothing without a tour (a bad tour= is named already, not its step again)
		if (!/^\d{1,3}$/.test(step) || tour === null) bad('step');
		else if (state.tour) state.tour.step = Number(step);
	}
	const lang = get('lang');
	if (lang !== null) {
		if (lang === 'zh' || lang === 'en') state.lang = lang;
		else bad('lang');
	}
	const bm = get('bm');
	if (bm !== null) {
		if (bm === 'offline' || bm === 'online') state.basemap = bm;
		else bad('bm');
	}
	const v = get('v');
	if (v !== null) {
		if (/^[0-9a-f]{6,64}$/.test(v)) state.dataVersion = v;
		else bad('v');
	}
	const cmp = get('cmp');
	if (cmp !== null) {
		const ids = cmp.split(',');
		if (ids.length >= 2 && ids.length <= COMPARE_MAX && ids.every((x) => x.length <= 120 && ID_RE.test(x)) && new Set(ids).size === ids.length) state.compare = ids;
		else bad('cmp');
	}
	const cc = get('cc');
	if (cc !== null) {
		if (cc === 'group' || cc === 'city') state.corridorColour = cc;
		else bad('cc');
	}
	const play = get('play');
	if (play !== null) {
		if (play === '1' || play === '0') state.timeline.playing = play === '1';
		else bad('play');
	}
	const chg = get('chg');
	if (chg !== null) {
		// two plan years, the earlier first: chg=2018,2023
		const m = /^(\d{4}),(\d{4})$/.exec(chg);
		const a = m ? Number(m[1]) : NaN;
		const b = m ? Number(m[2]) : NaN;
		if (a >= 2000 && b <= 2035 && a < b) state.timeline.compare = [a, b];
		else bad('chg');
	}
	return { state, ignored, hasCamera: state.camera !== defaultCamera };
}

export const COMPARE_MAX = 4;

/**
 * How a tour plays (#11), next to the view state in the link and the embed URL: autoplay=<seconds>
 * (2–600, at most one decimal) moves on by itself, loop=1 starts again after the last step (else it
 * stops there), notes=1 shows the speaker notes. Not part of AtlasState: they belong to the player,
 * and a route keeps them in its address as extra query.
 */
export interface TourPlayOptions {
	/** seconds per step, or null: no autoplay */
	autoplay: number | null;
	loop: boolean;
	notes: boolean;
}
export const DEFAULT_PLAY: TourPlayOptions = { autoplay: null, loop: false, notes: false };
export const AUTOPLAY_MIN = 2;
export const AUTOPLAY_MAX = 600;
const PLAY_KEYS = ['autoplay', 'loop', 'notes'];

export function encodePlay(o: TourPlayOptions): string {
	const q: string[] = [];
	if (o.autoplay !== null && o.autoplay >= AUTOPLAY_MIN && o.autoplay <= AUTOPLAY_MAX) q.push(`autoplay=${round(o.autoplay, 1)}`);
	if (o.loop) q.push('loop=1');
	if (o.notes) q.push('notes=1');
	return q.join('&');
}

/** Never throws: a bad value keeps its default and is named in `ignored` (as the view keys are). */
export function decodePlay(search: string): { options: TourPlayOptions; ignored: string[] } {
	const { params: q, malformed } = strictParams(search);
	const o: TourPlayOptions = { ...DEFAULT_PLAY };
	const ignored = malformed.filter((k) => PLAY_KEYS.includes(k));
	const last = (k: string) => {
		const all = q.getAll(k);
		return all.length ? all[all.length - 1] : null;
	};
	const a = last('autoplay');
	if (a !== null) {
		const n = /^\d{1,3}(\.\d)?$/.test(a) ? Number(a) : NaN;
		if (n >= AUTOPLAY_MIN && n <= AUTOPLAY_MAX) o.autoplay = n;
		else ignored.push('autoplay');
	}
	for (const k of ['loop', 'notes'] as const) {
		const v = last(k);
		if (v === null) continue;
		if (v === '1' || v === '0') o[k] = v === '1';
		else ignored.push(k);
	}
	return { options: o, ignored };
}
