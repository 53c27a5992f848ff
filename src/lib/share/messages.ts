/**
 * postMessage API of the embed (documented in the README). Pure: validation and origin policy.
 *
 * Host → embed:  { type: 'atlas:tour', action: 'next' | 'prev' | 'goto', step?: number }
 *                { type: 'atlas:tour', action: 'play' | 'pause' }  (autoplay on or off; play uses the
 *                link's autoplay= seconds, or 8 s when it has none)
 * Embed → host:  { type: 'atlas:tour-step', tour: string, step: number, total: number } to the host= origin;
 *                { type: 'atlas:tour-step', step: number } to '*' when there is no host= (only the step number)
 *
 * Origin policy: a message is accepted only when it comes from the window that embeds the atlas
 * (event.source === window.parent, never the atlas itself or another frame); when the embed URL
 * has host=<origin>, only that exact origin is accepted, and replies are sent to it alone. A host=
 * that is not an http(s) origin (e.g. "127.0.0.1:4191", no scheme) accepts nothing and sends nothing:
 * it fails closed with a notice instead of silently meaning "any parent".
 *
 * Rate: commands are coalesced (CommandCoalescer): however many arrive, at most one step change is
 * applied per animation frame, with the same end result as applying them one by one.
 */
/** A command that moves the step (coalesced: CommandCoalescer). */
export type StepCommand = { type: 'atlas:tour'; action: 'next' | 'prev' } | { type: 'atlas:tour'; action: 'goto'; step: number };
/** play / pause switch autoplay; they are applied at once, in order, never coalesced */
export type PlayCommand = { type: 'atlas:tour'; action: 'play' | 'pause' };
export type TourCommand = StepCommand | PlayCommand;

export const isPlayCommand = (c: TourCommand): c is PlayCommand => c.action === 'play' || c.action === 'pause';

export function parseTourCommand(data: unknown): TourCommand | null {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const d = data as Record<string, unknown>;
	if (d.type !== 'atlas:tour') return null;
	const keys = Object.keys(d);
	if (d.action === 'next' || d.action === 'prev' || d.action === 'play' || d.action === 'pause') return keys.length === 2 ? { type: 'atlas:tour', action: d.action } : null;
	if (d.action === 'goto') {
		if (keys.length !== 3 || typeof d.step !== 'number' || !Number.isInteger(d.step) || d.step < 0 || d.step > 999) return null;
		return { type: 'atlas:tour', action: 'goto', step: d.step };
	}
	return null;
}

/** The embed URL's host= parameter: an origin, a value that is not one, or absent. */
export type HostParam = { kind: 'ok'; origin: string } | { kind: 'invalid'; raw: string } | { kind: 'none' };

/** One host= value: an http(s) URL without credentials; its origin is what counts (a path is ignored). */
export function parseHostValue(raw: string): HostParam {
	try {
		const u = new URL(raw);
		if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && u.host) return { kind: 'ok', origin: u.origin };
	} catch {
		// not a URL: invalid below
	}
	return { kind: 'invalid', raw };
}

/** host= from a query string; present but empty, repeated or not an http(s) origin is invalid, not "none". */
export function readHostParam(search: string): HostParam {
	const all = new URLSearchParams(search).getAll('host');
	if (all.length === 0) return { kind: 'none' };
	if (all.length > 1) return { kind: 'invalid', raw: all.join(', ') };
	return parseHostValue(all[0]);
}

/**
 * Compatibility for the embed route, which keeps a string and writes it back into the rewritten URL:
 * the origin when valid, the raw value when invalid (so it is never dropped from the URL, and the tour
 * player, reading it with hostParamFrom, refuses everything), null when absent.
 */
export function parseHostParam(search: string): string | null {
	const h = readHostParam(search);
	return h.kind === 'ok' ? h.origin : h.kind === 'invalid' ? h.raw : null;
}

/** A host value handed over as a string (see parseHostParam) or as a HostParam → HostParam. */
export function hostParamFrom(v: HostParam | string | null | undefined): HostParam {
	if (v === null || v === undefined) return { kind: 'none' };
	return typeof v === 'string' ? parseHostValue(v) : v;
}

/**
 * The notice a page shows for an invalid host= (message key and parameters for t()), or null.
 * The embed shows it; the tour player shows it in its box.
 */
export function hostParamNotice(h: HostParam): { key: 'embed_host_invalid'; params: { host: string } } | null {
	return h.kind === 'invalid' ? { key: 'embed_host_invalid', params: { host: h.raw.slice(0, 80) } } : null;
}

export function acceptOrigin(eventOrigin: string, eventSource: unknown, parent: unknown, self: unknown, host: HostParam): boolean {
	if (host.kind === 'invalid') return false;
	if (eventSource === null || eventSource !== parent || parent === self) return false;
	if (host.kind === 'ok') return eventOrigin === host.origin;
	return true;
}

/** Where replies go: the host= origin, '*' without host= (then only the step number is sent), nowhere when invalid. */
export function replyTarget(host: HostParam): string | null {
	return host.kind === 'ok' ? host.origin : host.kind === 'none' ? '*' : null;
}

/**
 * The net effect of a run of commands on the step, as x ↦ clamp(x + d, lo, hi). Applying commands one by
 * one clamps after each (prev at step 0 stays at 0), and clamps compose: clamp(clamp(v, a, b), c, e) =
 * clamp(v, clamp(a, c, e), clamp(b, c, e)), so any run folds into one such move, exactly.
 */
export interface StepMove {
	d: number;
	lo: number;
	hi: number;
}
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function identityMove(total: number): StepMove {
	return { d: 0, lo: 0, hi: Math.max(0, total - 1) };
}

export function addCommand(m: StepMove, cmd: TourCommand, total: number): StepMove {
	// play / pause do not move the step
	if (isPlayCommand(cmd)) return m;
	const last = Math.max(0, total - 1);
	if (cmd.action === 'goto') {
		const k = clamp(cmd.step, 0, last);
		return { d: 0, lo: k, hi: k };
	}
	const by = cmd.action === 'next' ? 1 : -1;
	return { d: m.d + by, lo: clamp(m.lo + by, 0, last), hi: clamp(m.hi + by, 0, last) };
}

export function applyMove(m: StepMove, step: number): number {
	return clamp(step + m.d, m.lo, m.hi);
}

/**
 * Collects commands and applies their net effect once per scheduled frame (requestAnimationFrame in
 * the app, a fake in tests). push() is O(1), so a burst of 10,000 messages costs microseconds, not
 * 10,000 map updates.
 */
export class CommandCoalescer {
	private move: StepMove | null = null;
	private scheduled = false;
	constructor(
		private readonly opts: {
			total: () => number;
			current: () => number;
			apply: (step: number) => void;
			schedule: (flush: () => void) => void;
		}
	) {}

	push(cmd: TourCommand) {
		if (isPlayCommand(cmd)) return;
		const total = this.opts.total();
		if (total <= 0) return;
		this.move = addCommand(this.move ?? identityMove(total), cmd, total);
		if (!this.scheduled) {
			this.scheduled = true;
			this.opts.schedule(() => this.flush());
		}
	}

	/** Apply what has been collected (only if it changes the step). */
	flush() {
		this.scheduled = false;
		const m = this.move;
		this.move = null;
		if (!m) return;
		const from = this.opts.current();
		const to = applyMove(m, from);
		if (to !== from) this.opts.apply(to);
	}
}
