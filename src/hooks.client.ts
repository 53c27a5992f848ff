/**
 * Runs once before SvelteKit's first navigation. SvelteKit decodes the location hash with
 * decodeURIComponent at start, so a link ending in "#%E0%A4%A" would throw before the app draws:
 * such a hash is dropped here and named in the atlas's "link parts ignored" notice.
 */
import { hashIsSafe } from '$lib/state/params';
import { noteIgnoredLocationPart } from '$lib/state/location-guard';

export function init() {
	if (location.hash && !hashIsSafe(location.hash)) {
		history.replaceState(history.state, '', location.pathname + location.search);
		noteIgnoredLocationPart('hash');
	}
}
