/** The whole app state: one plain object the map, the panels, the list and the URL all read. */
import type { City, Kind, Status } from '../data/schema';
import { DEFAULT_LAYERS } from '../legend';

export type Lang = 'zh' | 'en';
export type Level = 'national' | 'provincial' | 'municipal' | 'international';

export interface Camera {
	lon: number;
	lat: number;
	zoom: number;
	bearing: number;
	pitch: number;
}

export interface Filters {
	/** empty list = no restriction */
	kinds: Kind[];
	cities: City[];
	statuses: Status[];
	/** null = the latest status; a year = the status as the latest plan up to that year states it */
	statusYear: number | null;
	plans: string[];
	levels: Level[];
	industries: string[];
	hasTargets: boolean;
	/** proximity terms (near=airports:30,rail:20): within km of at least one feature of each group */
	near: NearTerm[];
	/** proximity: only features and hubs located to a known site or area (nk=1) */
	nearKnown: boolean;
}

/** One proximity term: a legend group id (as in l=) and a great-circle radius in km. */
export interface NearTerm {
	group: string;
	km: number;
}

/** A guided tour being played: which one, which step (0-based). */
export interface TourView {
	id: string;
	step: number;
}

/** Plans over time (#13): the timeline playing (its year is filters.statusYear), and two plan editions compared. */
export interface Timeline {
	playing: boolean;
	/** [earlier year, later year] of the editions compared, or null */
	compare: [number, number] | null;
}

export interface AtlasState {
	camera: Camera;
	/** legend groups switched on */
	layers: string[];
	filters: Filters;
	selected: string | null;
	lang: Lang;
	basemap: 'offline' | 'online';
	/** the tour being played, if any (links carry it as tour=…&step=…) */
	tour: TourView | null;
	/** data version the view was made with (links carry it so a changed dataset can be noticed) */
	dataVersion: string | null;
	/** features side by side (cmp=a,b[,c,d]): 0 or 2–4 ids */
	compare: string[];
	/** corridor line colour: by legend group (default) or by origin city (cc=city) */
	corridorColour: 'group' | 'city';
	/** links carry it as play=1 and chg=2018,2023 */
	timeline: Timeline;
}

/**
 * What the first open shows when the link names no camera: the Wuhan metropolitan area and Hefei
 * together ([west, south, east, north]), fitted to whatever size the map has.
 */
export const OPENING_BOUNDS: [number, number, number, number] = [112.9, 29.5, 117.8, 32.15];

/** The camera of the default state (before the map fits OPENING_BOUNDS). */
export const DEFAULT_CAMERA: Camera = { lon: 114.1, lat: 30.45, zoom: 7.3, bearing: 0, pitch: 0 };

export const EMPTY_FILTERS: Filters = {
	kinds: [],
	cities: [],
	statuses: [],
	statusYear: null,
	plans: [],
	levels: [],
	industries: [],
	hasTargets: false,
	near: [],
	nearKnown: false
};

export function defaultState(lang: Lang = 'zh'): AtlasState {
	return {
		camera: { ...DEFAULT_CAMERA },
		layers: [...DEFAULT_LAYERS],
		filters: structuredClone(EMPTY_FILTERS),
		selected: null,
		lang,
		basemap: 'offline',
		tour: null,
		dataVersion: null,
		compare: [],
		corridorColour: 'group',
		timeline: { playing: false, compare: null }
	};
}

export function filtersActive(f: Filters): number {
	return (
		f.kinds.length +
		f.cities.length +
		f.statuses.length +
		(f.statusYear !== null ? 1 : 0) +
		f.plans.length +
		f.levels.length +
		f.industries.length +
		(f.hasTargets ? 1 : 0) +
		(f.near?.length ?? 0) +
		(f.nearKnown ? 1 : 0)
	);
}
