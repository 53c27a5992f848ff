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
	/** links carry it as play=1 and chg=2018,2023 */
	timeline: Timeline;
}

/** The whole metropolitan area (Wuhan and its eight cities) in view on first open. */
export const DEFAULT_CAMERA: Camera = { lon: 114.1, lat: 30.45, zoom: 7.3, bearing: 0, pitch: 0 };

export const EMPTY_FILTERS: Filters = {
	kinds: [],
	cities: [],
	statuses: [],
	statusYear: null,
	plans: [],
	levels: [],
	industries: [],
	hasTargets: false
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
		(f.hasTargets ? 1 : 0)
	);
}
