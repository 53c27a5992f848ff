/**
 * The one store. Plain TypeScript that follows Svelte's store contract (subscribe/set/update),
 * so Svelte components read it as `$atlas` while tests and the map use it without Svelte.
 */
import type { AtlasState, Filters } from './state';
import { defaultState, EMPTY_FILTERS } from './state';

type Listener<T> = (value: T) => void;

export interface Store<T> {
	subscribe(fn: Listener<T>): () => void;
	get(): T;
	set(value: T): void;
	update(fn: (value: T) => T): void;
}

export function writable<T>(initial: T): Store<T> {
	let value = initial;
	const listeners = new Set<Listener<T>>();
	return {
		subscribe(fn) {
			listeners.add(fn);
			fn(value);
			return () => listeners.delete(fn);
		},
		get: () => value,
		set(v) {
			if (v === value) return;
			value = v;
			for (const l of [...listeners]) l(value);
		},
		update(fn) {
			this.set(fn(value));
		}
	};
}

/** Actions: every change to the state goes through one of these, so they are easy to test. */
export function createAtlasStore(initial: AtlasState = defaultState()) {
	const store = writable(initial);
	const patch = (p: Partial<AtlasState>) => store.update((s) => ({ ...s, ...p }));
	const patchFilters = (p: Partial<Filters>) => store.update((s) => ({ ...s, filters: { ...s.filters, ...p } }));
	return {
		...store,
		patch,
		patchFilters,
		toggleInList<K extends keyof Filters>(key: K, value: Filters[K] extends (infer U)[] ? U : never) {
			store.update((s) => {
				const list = s.filters[key] as unknown[];
				const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
				return { ...s, filters: { ...s.filters, [key]: next } };
			});
		},
		clearFilters: () => patchFilters(structuredClone(EMPTY_FILTERS)),
		toggleLayer(id: string) {
			store.update((s) => ({ ...s, layers: s.layers.includes(id) ? s.layers.filter((l) => l !== id) : [...s.layers, id] }));
		},
		/** show only this legend group (click again on an isolated group to show all defaults back) */
		isolateLayer(id: string, all: string[]) {
			store.update((s) => ({ ...s, layers: s.layers.length === 1 && s.layers[0] === id ? all : [id] }));
		},
		select: (id: string | null) => patch({ selected: id })
	};
}
export type AtlasStore = ReturnType<typeof createAtlasStore>;
