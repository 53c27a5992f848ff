/** Tours are checked like the geodata: every step's state must decode cleanly and name real features. */
import { toursFileSchema, type Tour } from './schema';
import { decode } from '../state/url';
import type { SourceFile, ValidationError } from '../data/validate';

/** featureIds / planIds null: those failed to load (and said so), so references to them are not checked. */
export function validateTours(file: SourceFile, featureIds: Set<string> | null, planIds: Set<string> | null): { tours: Tour[]; errors: ValidationError[] } {
	const errors: ValidationError[] = [];
	if (file.parseError) {
		// tours are optional: a missing file is no error, a broken one is
		if (/cannot read file/.test(file.parseError) && /ENOENT/.test(file.parseError)) return { tours: [], errors };
		return { tours: [], errors: [{ file: file.name, feature: null, field: null, message: file.parseError }] };
	}
	const r = toursFileSchema.safeParse(file.json);
	if (!r.success) {
		const i = r.error.issues[0]; // the first cause; the rest are usually its echoes
		return { tours: [], errors: [{ file: file.name, feature: null, field: i.path.join('.'), message: i.message }] };
	}
	const seen = new Set<string>();
	for (const t of r.data) {
		if (seen.has(t.id)) errors.push({ file: file.name, feature: t.id, field: 'id', message: 'duplicate tour id' });
		seen.add(t.id);
		t.plans.forEach((p, k) => {
			if (planIds && !planIds.has(p)) errors.push({ file: file.name, feature: t.id, field: `plans[${k}]`, message: `unknown plan "${p}"` });
		});
		t.steps.forEach((s, k) => {
			const { state, ignored } = decode(s.state);
			if (ignored.length) errors.push({ file: file.name, feature: t.id, field: `steps[${k}].state`, message: `cannot use: ${ignored.join(', ')}` });
			if (state.selected && featureIds && !featureIds.has(state.selected))
				errors.push({ file: file.name, feature: t.id, field: `steps[${k}].state`, message: `selects unknown feature "${state.selected}"` });
			(s.show ?? []).forEach((id, j) => {
				if (featureIds && !featureIds.has(id)) errors.push({ file: file.name, feature: t.id, field: `steps[${k}].show[${j}]`, message: `shows unknown feature "${id}"` });
			});
			// notes come in both languages or not at all
			if (!s.notes_zh !== !s.notes_en) errors.push({ file: file.name, feature: t.id, field: `steps[${k}].notes_${s.notes_zh ? 'en' : 'zh'}`, message: 'speaker notes need both zh and en' });
		});
	}
	return { tours: r.data, errors };
}
