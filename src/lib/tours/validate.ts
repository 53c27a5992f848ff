/** Tours are checked like the geodata: every step's state must decode cleanly and name real features. */
import { toursFileSchema, type Tour } from './schema';
import { decode } from '../state/url';
import type { SourceFile, ValidationError } from '../data/validate';

export function validateTours(file: SourceFile, featureIds: Set<string>, planIds: Set<string>): { tours: Tour[]; errors: ValidationError[] } {
	const errors: ValidationError[] = [];
	if (file.parseError) {
		// tours are optional: a missing file is no error, a broken one is
		if (/cannot read file/.test(file.parseError) && /ENOENT/.test(file.parseError)) return { tours: [], errors };
		return { tours: [], errors: [{ file: file.name, feature: null, field: null, message: `not valid JSON: ${file.parseError}` }] };
	}
	const r = toursFileSchema.safeParse(file.json);
	if (!r.success) {
		for (const i of r.error.issues) errors.push({ file: file.name, feature: null, field: i.path.join('.'), message: i.message });
		return { tours: [], errors };
	}
	const seen = new Set<string>();
	for (const t of r.data) {
		if (seen.has(t.id)) errors.push({ file: file.name, feature: t.id, field: 'id', message: 'duplicate tour id' });
		seen.add(t.id);
		t.plans.forEach((p, k) => {
			if (!planIds.has(p)) errors.push({ file: file.name, feature: t.id, field: `plans[${k}]`, message: `unknown plan "${p}"` });
		});
		t.steps.forEach((s, k) => {
			const { state, ignored } = decode(s.state);
			if (ignored.length) errors.push({ file: file.name, feature: t.id, field: `steps[${k}].state`, message: `cannot use: ${ignored.join(', ')}` });
			if (state.selected && !featureIds.has(state.selected))
				errors.push({ file: file.name, feature: t.id, field: `steps[${k}].state`, message: `selects unknown feature "${state.selected}"` });
		});
	}
	return { tours: r.data, errors };
}
