/**
 * Label thinning for the targets charts (#13): which figure labels to print beside their marks so
 * that no two labels overlap and no label covers another mark. Greedy by priority (targets, then
 * reported values, then baselines; later years first): a label that would collide is left out, and
 * its figure stays in the mark's hover / focus citation and in the table twin.
 */

export interface LabelBox {
	/** anchor: the label's centre x and baseline-ish centre y, in pixels */
	x: number;
	y: number;
	w: number;
	h: number;
	/** higher wins */
	priority: number;
}

export interface Obstacle {
	x: number;
	y: number;
	/** radius in pixels (a mark) */
	r: number;
	/** the label this mark belongs to (its own mark never blocks it) */
	owner?: number;
}

/** Width of a label in pixels: CJK and full-width characters count one em, others about 0.6. */
export function textWidth(s: string, fontSize: number): number {
	let w = 0;
	for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : /[0-9.,]/.test(ch) ? 0.56 : 0.62;
	return w * fontSize;
}

const overlaps = (a: LabelBox, b: LabelBox, pad: number) =>
	Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 * pad && Math.abs(a.y - b.y) * 2 < a.h + b.h + 2 * pad;

const covers = (a: LabelBox, o: Obstacle) => {
	// nearest point of the box to the mark's centre
	const dx = Math.max(Math.abs(o.x - a.x) - a.w / 2, 0);
	const dy = Math.max(Math.abs(o.y - a.y) - a.h / 2, 0);
	return dx * dx + dy * dy < o.r * o.r;
};

/** keep[i]: label i is printed. */
export function thinLabels(labels: readonly LabelBox[], obstacles: readonly Obstacle[] = [], pad = 2): boolean[] {
	const order = labels.map((_, i) => i).sort((a, b) => labels[b].priority - labels[a].priority || a - b);
	const keep = labels.map(() => false);
	const kept: LabelBox[] = [];
	for (const i of order) {
		const l = labels[i];
		if (kept.some((k) => overlaps(l, k, pad))) continue;
		if (obstacles.some((o) => o.owner !== i && covers(l, o))) continue;
		keep[i] = true;
		kept.push(l);
	}
	return keep;
}
