/**
 * Plan ids and their short codes, in one place. The ids come from geodata/plans.json itself (bundled
 * at build time), so adding a plan there is enough for links (`p=005`) to carry it.
 * A plan id is "<3 digits>_<hash>" (the seed file's name); links and the list use the 3 digits.
 */
import plans from '../../../geodata/plans.json';
import type { Lang } from '../state/state';

type Titled = { id: string; short_zh: string; short_en: string };

export const PLAN_IDS: readonly string[] = (plans as Titled[]).map((p) => p.id);
const titleById = new Map((plans as Titled[]).map((p) => [p.id, p]));

const CODE_RE = /^(\d{3})_/;

/** The short code of a plan id ("001_f9b1…" → "001"); the id itself when it has no code prefix. */
export function planCode(id: string): string {
	return CODE_RE.exec(id)?.[1] ?? id;
}

const byCode = new Map(PLAN_IDS.map((id) => [planCode(id), id]));

/** The plan id of a short code, or null when no plan has it. */
export function planIdOf(code: string): string | null {
	return byCode.get(code) ?? null;
}

export const PLAN_CODES: readonly string[] = [...byCode.keys()];

/** The short codes of a feature's citations, once each, in order. */
export function planCodesOf(citations: readonly { plan: string }[]): string[] {
	return [...new Set(citations.map((c) => planCode(c.plan)))].sort();
}

/**
 * What a reader sees for a plan: its short title with its year ("Wuhan metro opening-up plan, 2023"),
 * never the file code. Accepts an id or a short code; an unknown one comes back as it is.
 */
export function planLabel(idOrCode: string, lang: Lang): string {
	const p = titleById.get(idOrCode) ?? titleById.get(planIdOf(idOrCode) ?? '');
	return p ? (lang === 'zh' ? p.short_zh : p.short_en) : idOrCode;
}

/** The short titles of a feature's cited plans, once each, in code order. */
export function planLabelsOf(citations: readonly { plan: string }[], lang: Lang): string[] {
	return planCodesOf(citations).map((c) => planLabel(c, lang));
}
