/** Autoplay and the presenter's keys (#11), as pure functions the player calls. */

/** The step autoplay moves to after `step`: the next, the first again when looping, or null (stop). */
export function nextAutoStep(step: number, total: number, loop: boolean): number | null {
	if (total <= 1) return null;
	if (step < total - 1) return Math.max(0, step + 1);
	return loop ? 0 : null;
}

/** Whether autoplay advances now: wanted, not held by hover or focus, not refused by reduced motion. */
export function autoplayRuns(o: { wanted: boolean; hovered: boolean; focused: boolean; reducedMotion: boolean; userStarted: boolean }): boolean {
	if (!o.wanted || o.hovered || o.focused) return false;
	// with reduced motion, only a play the reader asked for runs (never one the link started)
	return !o.reducedMotion || o.userStarted;
}

export type PresenterKey = { move: 1 | -1 } | { goto: number } | { digit: string } | null;

/**
 * A key of a clicker or keyboard: → PageDown Space next; ← PageUp (Shift+Space) back; Home/End first
 * and last; digits collect a step number that Enter jumps to (1-based, as the counter shows).
 */
export function presenterKey(key: string, shift: boolean, typed: string, total: number): PresenterKey {
	if (key === 'ArrowRight' || key === 'PageDown' || (key === ' ' && !shift)) return { move: 1 };
	if (key === 'ArrowLeft' || key === 'PageUp' || (key === ' ' && shift)) return { move: -1 };
	if (key === 'Home') return { goto: 0 };
	if (key === 'End') return { goto: Math.max(0, total - 1) };
	if (/^[0-9]$/.test(key) && typed.length < 3) return { digit: typed + key };
	if (key === 'Enter' && typed) {
		const n = Number(typed);
		return n >= 1 && n <= total ? { goto: n - 1 } : null;
	}
	return null;
}
