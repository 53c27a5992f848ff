/** Parts of the address the app dropped before it started (hooks.client.ts), for the notice. */
const ignored: string[] = [];

export function noteIgnoredLocationPart(part: string) {
	if (!ignored.includes(part)) ignored.push(part);
}

export function ignoredLocationParts(): string[] {
	return [...ignored];
}
