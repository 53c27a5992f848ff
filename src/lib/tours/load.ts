/** The compiled tours (build output of geodata/tours.json), fetched once per page. */
import type { Tour } from './schema';

let cache: Promise<Tour[]> | null = null;

export function loadTours(base: string): Promise<Tour[]> {
	cache ??= fetch(`${base}/data/tours.json`)
		.then((r) => (r.ok ? (r.json() as Promise<Tour[]>) : Promise.reject(new Error(`tours.json: ${r.status}`))))
		.catch((e) => {
			cache = null; // a failed load may be retried
			throw e;
		});
	return cache;
}
