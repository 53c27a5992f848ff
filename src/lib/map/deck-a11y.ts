/**
 * deck.gl's input library (mjolnir.js) makes the element it listens on a tab stop (tabIndex 0, outline
 * none) with no name: a keyboard user lands on an invisible, silent stop beside the map. The map's
 * keyboard operation lives on MapLibre's canvas (labelled, arrows pan, +/- zoom), so that element leaves
 * the tab order. A MutationObserver catches it whenever deck.gl (re)creates its canvas.
 */
const isDeckStop = (el: Element): el is HTMLElement =>
	el instanceof HTMLElement &&
	el.getAttribute('tabindex') === '0' &&
	!el.classList.contains('maplibregl-canvas') &&
	!el.matches('a, button, input, select, textarea, [role], [aria-label]');

export function keepDeckOutOfTabOrder(container: HTMLElement): () => void {
	const fix = () => {
		for (const el of [container, ...container.querySelectorAll('[tabindex="0"]')]) {
			if (!isDeckStop(el)) continue;
			el.tabIndex = -1;
			if (el instanceof HTMLCanvasElement) el.setAttribute('aria-hidden', 'true');
		}
	};
	fix();
	const obs = new MutationObserver(fix);
	obs.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
	return () => obs.disconnect();
}
