/**
 * Reading a raw query string strictly. URLSearchParams decodes a malformed percent-sequence
 * (a lone "%", "%E0%A4%A") into U+FFFD or keeps it literally, so a broken link would pass
 * as a strange value; here each such part is left out and named, and nothing ever throws.
 */
export interface StrictParams {
	params: URLSearchParams;
	/** names of the parameters whose raw text was not valid percent-encoding */
	malformed: string[];
}

function safeDecode(s: string): string | null {
	try {
		return decodeURIComponent(s.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

export function strictParams(search: string): StrictParams {
	const raw = search.startsWith('?') ? search.slice(1) : search;
	const params = new URLSearchParams();
	const malformed: string[] = [];
	if (raw === '') return { params, malformed };
	for (const part of raw.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const k = safeDecode(eq < 0 ? part : part.slice(0, eq));
		const v = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
		if (k === null) {
			malformed.push('url');
			continue;
		}
		if (v === null) {
			if (!malformed.includes(k)) malformed.push(k);
			continue;
		}
		params.append(k, v);
	}
	return { params, malformed: malformed.filter((m, i) => malformed.indexOf(m) === i) };
}

/** A location hash SvelteKit can decode (it calls decodeURIComponent on it at start): ok or not. */
export function hashIsSafe(hash: string): boolean {
	return safeDecode(hash.replace(/^#/, '')) !== null;
}
