/**
 * postMessage API of the embed (documented in the README). Pure: validation and origin policy.
 *
 * Host → embed:  { type: 'atlas:tour', action: 'next' | 'prev' | 'goto', step?: number }
 * Embed → host:  { type: 'atlas:tour-step', tour: string, step: number, total: number } to the host= origin;
 *                { type: 'atlas:tour-step', step: number } to '*' when there is no host= (only the step number)
 *
 * Origin policy: a message is accepted only when it comes from the window that embeds the atlas
 * (event.source === window.parent, never the atlas itself or another frame); when the embed URL
 * has host=<origin>, only that exact origin is accepted, and replies are sent to it alone.
 */
export type TourCommand = { type: 'atlas:tour'; action: 'next' | 'prev' } | { type: 'atlas:tour'; action: 'goto'; step: number };

export function parseTourCommand(data: unknown): TourCommand | null {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const d = data as Record<string, unknown>;
	if (d.type !== 'atlas:tour') return null;
	const keys = Object.keys(d);
	if (d.action === 'next' || d.action === 'prev') return keys.length === 2 ? { type: 'atlas:tour', action: d.action } : null;
	if (d.action === 'goto') {
		if (keys.length !== 3 || typeof d.step !== 'number' || !Number.isInteger(d.step) || d.step < 0 || d.step > 999) return null;
		return { type: 'atlas:tour', action: 'goto', step: d.step };
	}
	return null;
}

export function acceptOrigin(eventOrigin: string, eventSource: unknown, parent: unknown, self: unknown, hostParam: string | null): boolean {
	if (eventSource === null || eventSource !== parent || parent === self) return false;
	if (hostParam) return eventOrigin === hostParam;
	return true;
}

export function parseHostParam(search: string): string | null {
	const v = new URLSearchParams(search).get('host');
	if (!v) return null;
	try {
		const u = new URL(v);
		return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
	} catch {
		return null;
	}
}
