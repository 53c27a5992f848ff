/**
 * The one client state: a Svelte 5 runes class with one $state.raw field per slice, shared through
 * context (setAtlas in a route, getAtlas below it). Slices are replaced, never mutated, and only when
 * they change (transitions.ts), so a camera move wakes only what reads the camera, and the single
 * filter pass (`result`) re-runs only when filters, layers or data change.
 */
import { createContext } from 'svelte';
import type { AtlasState, Camera, Filters, Lang, Timeline, TourView } from './state';
import { defaultState } from './state';
import { decode, encodeToString } from './url';
import * as tx from './transitions';
import { applyFilters, facetValues, type FilterResult } from './filters';
import type { Loaded } from '../ui/boot';
import { proximityIndex, type ProximityIndex } from '../analysis/proximity';
import { compareEditions, previousYear, timelineMarks, timelineYears, type ChangeSet } from '../analysis/changes';

/** What the map marks on a feature: a timeline mark or a change between two compared editions. */
export type MapMark = 'new' | 'added' | 'upgraded' | 'downgraded' | 'dropped';

/** What the map component lends the rest of the app (framing, PNG export); not state. */
export interface MapApi {
	flyToFeature(id: string): void;
	/** frame the map to all these features (compare view) */
	frameFeatures?(ids: string[]): void;
	getMapView(): import('../map/MapView.svelte').default | undefined;
	/** zoom to results: frame every feature the filters let through (false when none is located) */
	frameResult?(): boolean;
	/** whether any feature the filters let through is on screen, outside the panels */
	resultInView?(): boolean;
	/** move the map only as far as needed to bring the feature out from under the panels */
	revealFeature?(id: string): void;
}

export type BootStatus = 'loading' | 'ready' | 'error' | 'no-webgl';

export class Atlas {
	camera = $state.raw<Camera>(defaultState().camera);
	layers = $state.raw<string[]>([]);
	filters = $state.raw<Filters>(defaultState().filters);
	selected = $state.raw<string | null>(null);
	lang = $state.raw<Lang>('zh');
	basemap = $state.raw<'offline' | 'online'>('offline');
	tour = $state.raw<TourView | null>(null);
	dataVersion = $state.raw<string | null>(null);
	compare = $state.raw<string[]>([]);
	corridorColour = $state.raw<'group' | 'city'>('group');
	timeline = $state.raw<Timeline>(defaultState().timeline);
	/** the active filters, the one changed last at the end ("clear the last filter"); not in links */
	filterOrder = $state.raw<tx.FilterKey[]>([]);

	/** data, basemap and prepared layers once loaded */
	loaded = $state.raw<Loaded | null>(null);
	status = $state.raw<BootStatus>('loading');
	error = $state.raw<string | null>(null);
	notices = $state.raw<string[]>([]);
	/** bytes received while loading (data and basemap together) */
	received = $state.raw(0);
	/** a tour export is stepping the map: the URL writer replaces instead of pushing (no history entry per step) */
	exporting = $state.raw(false);
	/** start-up again after an error (set by the shell) */
	retry: (() => void) | null = null;

	/** the one filter pass: map, legend counts, list and exports all read it */
	result: FilterResult | null = $derived(
		this.loaded ? applyFilters(this.loaded.data.properties, this.filters, this.layers, proximityIndex(this.loaded.data.features)) : null
	);
	/** per-group nearest distances of this data set (typed columns, built once per group on first use) */
	proximity: ProximityIndex | null = $derived(this.loaded ? proximityIndex(this.loaded.data.features) : null);
	facets = $derived(facetValues(this.loaded?.data.properties ?? []));
	selectedFeature = $derived(this.loaded && this.selected ? (this.loaded.data.byId.get(this.selected) ?? null) : null);

	/** plans over time (#13): the years the timeline steps through, the compared editions, the marks */
	years: number[] = $derived(timelineYears(this.loaded?.data.properties ?? []));
	changes: ChangeSet | null = $derived(
		this.loaded && this.timeline.compare ? compareEditions(this.loaded.data.properties, this.timeline.compare[0], this.timeline.compare[1]) : null
	);
	yearMarks = $derived(
		this.loaded && this.filters.statusYear !== null
			? timelineMarks(this.loaded.data.properties, this.filters.statusYear, previousYear(this.years, this.filters.statusYear))
			: null
	);
	/** per feature index: the mark drawn on the map (compared editions take precedence over the year) */
	mapMarks: (MapMark | null)[] | null = $derived.by(() => {
		const l = this.loaded;
		if (!l) return null;
		if (this.changes) {
			const out: (MapMark | null)[] = new Array(l.data.properties.length).fill(null);
			for (const c of this.changes.changes)
				if (c.change === 'added' || c.change === 'upgraded' || c.change === 'downgraded' || c.change === 'dropped') out[l.data.indexById.get(c.id)!] = c.change;
			return out;
		}
		return this.yearMarks ? this.yearMarks.marks : null;
	});

	map: MapApi | null = null;
	#isolatedFrom: string[] | null = null;
	#beforeTour: tx.ViewSnapshot | null = null;

	constructor(initial: AtlasState = defaultState()) {
		this.set(initial);
		// a tour in the link starts from the link's own view: closing it gives that back
		if (initial.tour) this.#beforeTour = tx.viewOf(initial);
	}

	/** false when the opening link named no camera: the map then fits OPENING_BOUNDS to its size */
	cameraFromLink = true;

	static fromUrl(search: string, fallbackLang: Lang): { atlas: Atlas; ignored: string[] } {
		const { state, ignored, hasCamera } = decode(search, fallbackLang);
		const atlas = new Atlas(state);
		// a tour step brings its own camera
		atlas.cameraFromLink = hasCamera || !!state.tour;
		return { atlas, ignored };
	}

	snapshot(): AtlasState {
		return {
			camera: this.camera,
			layers: this.layers,
			filters: this.filters,
			selected: this.selected,
			lang: this.lang,
			basemap: this.basemap,
			tour: this.tour,
			dataVersion: this.dataVersion,
			compare: this.compare,
			corridorColour: this.corridorColour,
			timeline: this.timeline
		};
	}

	/** The whole state as the link carries it (the URL writer reads this). */
	get query(): string {
		return encodeToString(this.snapshot());
	}

	/** What Back undoes: a change of this key gets its own history entry (camera moves do not). */
	get historyKey(): string {
		// the timeline year counts when the reader sets it, not at each step of playing
		return JSON.stringify([this.selected, this.tour, this.compare, this.timeline.playing ? null : this.filters.statusYear]);
	}

	/** Replace the state; each slice is assigned only when it differs, so equal slices wake nobody. */
	set(s: AtlasState) {
		if (!tx.sameCamera(this.camera, s.camera)) this.camera = s.camera;
		if (JSON.stringify(this.layers) !== JSON.stringify(s.layers)) this.layers = s.layers;
		if (JSON.stringify(this.filters) !== JSON.stringify(s.filters)) this.#setFilters(s.filters);
		if (this.selected !== s.selected) this.selected = s.selected;
		if (this.lang !== s.lang) this.lang = s.lang;
		if (this.basemap !== s.basemap) this.basemap = s.basemap;
		if (this.tour?.id !== s.tour?.id || this.tour?.step !== s.tour?.step) this.tour = s.tour;
		if (this.dataVersion !== s.dataVersion) this.dataVersion = s.dataVersion;
		if (!tx.sameTimeline(this.timeline, s.timeline)) this.timeline = s.timeline;
		if (this.compare.join(',') !== s.compare.join(',')) this.compare = s.compare;
		if (this.corridorColour !== s.corridorColour) this.corridorColour = s.corridorColour;
	}

	/** add a feature to the side-by-side comparison, or take it out (at most 4) */
	toggleCompare(id: string) {
		this.compare = tx.toggleCompare(this.compare, id);
	}

	patch(p: Partial<AtlasState>) {
		this.set({ ...this.snapshot(), ...p });
	}

	setCamera(c: Camera) {
		if (!tx.sameCamera(this.camera, c)) this.camera = c;
	}
	/** every filter change goes through here, so the order of changes stays known */
	#setFilters(next: Filters) {
		if (next === this.filters) return;
		const order = tx.noteFilterChange(this.filterOrder, this.filters, next);
		this.filters = next;
		if (order !== this.filterOrder) this.filterOrder = order;
	}
	patchFilters(p: Partial<Filters>) {
		this.#setFilters(tx.patchFilters(this.filters, p));
	}
	toggleInList<K extends keyof Filters>(key: K, value: Filters[K] extends (infer U)[] ? U : never) {
		this.#setFilters(tx.toggleInList(this.filters, key as never, value as never));
	}
	clearFilters() {
		this.#setFilters(tx.clearFilters(this.filters));
	}
	/** the filter changed last, or null when none is on */
	get lastFilter(): tx.FilterKey | null {
		return this.filterOrder.at(-1) ?? null;
	}
	/** clear the filter changed last (the one-click way out of an empty result) */
	clearLastFilter() {
		const k = this.lastFilter;
		if (k) this.#setFilters(tx.clearFilter(this.filters, k));
	}
	toggleLayer(id: string) {
		this.#isolatedFrom = null;
		this.layers = tx.toggleLayer(this.layers, id);
	}
	isolateLayer(id: string) {
		const r = tx.isolateLayer(this.layers, id, this.#isolatedFrom);
		this.#isolatedFrom = r.before;
		this.layers = r.layers;
	}
	select(id: string | null) {
		this.selected = id;
	}
	setLang(l: Lang) {
		this.lang = l;
	}

	startTour(id: string, step = 0) {
		const r = tx.startTour(this.snapshot(), this.#beforeTour, id, step);
		this.#beforeTour = r.before;
		this.set(r.state);
	}
	/** show a step of the playing tour: its view string is decoded like a link */
	showTourStep(step: number, stepQuery: string) {
		if (!this.tour) return;
		const { state } = decode(stepQuery, this.lang);
		this.set(tx.showTourStep(this.snapshot(), { id: this.tour.id, step }, state));
	}
	closeTour() {
		this.set(tx.closeTour(this.snapshot(), this.#beforeTour));
		this.#beforeTour = null;
	}

	/** timeline (#13): play/pause, and the two editions compared */
	setPlaying(playing: boolean) {
		if (this.timeline.playing !== playing) this.timeline = { ...this.timeline, playing };
	}
	setCompare(compare: [number, number] | null) {
		const next = { ...this.timeline, compare };
		if (!tx.sameTimeline(this.timeline, next)) this.timeline = next;
	}

	notify(message: string) {
		this.notices = [...this.notices, message];
	}
	dismiss(k: number) {
		this.notices = this.notices.filter((_, i) => i !== k);
	}
}

const [getAtlasContext, setAtlasContext] = createContext<Atlas>();

/** The atlas state of this page (set by the route, read by every component below it). */
export const getAtlas = getAtlasContext;
export function setAtlas(a: Atlas): Atlas {
	setAtlasContext(a);
	return a;
}
