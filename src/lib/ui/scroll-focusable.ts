/**
 * A box that scrolls gets a tab stop, so keyboard users can scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable): the embed's compact legend has no control of its own, and in a small
 * frame (the share dialog's preview) its rows overflow. A box that fits gets none: no empty tab stop.
 * Re-checked when the box or its content changes size or the content changes.
 */
export function focusableWhenScrolling(node: HTMLElement) {
	const update = () => {
		const scrolls = node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1;
		if (scrolls) node.tabIndex = 0;
		else node.removeAttribute('tabindex');
	};
	const ro = new ResizeObserver(update);
	ro.observe(node);
	for (const c of node.children) ro.observe(c);
	const mo = new MutationObserver(() => {
		for (const c of node.children) ro.observe(c);
		update();
	});
	mo.observe(node, { childList: true, subtree: true });
	update();
	return {
		destroy() {
			ro.disconnect();
			mo.disconnect();
		}
	};
}
