/** The name each filter has in the panel (message keys), for "clear the last filter: …". */
import type { FilterKey } from '../state/transitions';

export const FILTER_LABEL: Record<FilterKey, string> = {
	kinds: 'filter_kind',
	cities: 'filter_city',
	statuses: 'filter_status',
	statusYear: 'filter_status_year_name',
	plans: 'filter_plan',
	levels: 'filter_level',
	industries: 'filter_industry',
	hasTargets: 'filter_has_targets',
	near: 'near_title',
	nearKnown: 'near_known_only'
};
