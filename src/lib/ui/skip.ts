/**
 * Skip-link targets of the atlas page, each a list of selectors tried in order: the first one on screen
 * gets the focus. The map is MapLibre's canvas (labelled; arrows pan, +/- zoom), or the map area when
 * there is no WebGL; the list is its toggle on a desktop, the list button of the phone's bar, or the list
 * itself when it is the whole view (no WebGL).
 */
export const SKIP_TARGETS = {
	map: ['.maplibregl-canvas', 'main.mapwrap'],
	list: ['.list.forced .list-body', '.list-toggle', '.mobile-bar button[data-sheet="list"]', '.mobile-bar button:last-child']
} as const;

const shown = (el: Element) => el instanceof HTMLElement && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

export function skipTarget(k: keyof typeof SKIP_TARGETS, root: ParentNode = document): HTMLElement | null {
	for (const sel of SKIP_TARGETS[k]) {
		const el = [...root.querySelectorAll(sel)].find(shown);
		if (el) return el as HTMLElement;
	}
	return null;
}

export function skipTo(e: Event, k: keyof typeof SKIP_TARGETS) {
	const el = skipTarget(k);
	if (!el) return;
	e.preventDefault();
	if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
	el.focus();
}
