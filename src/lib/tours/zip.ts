/**
 * The ZIP of a tour's PNGs, written with fflate (zipSync). PNGs are already deflated, so they are
 * stored (level 0: no time spent compressing them again); the manifest is deflated.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';

export async function zipFiles(files: { name: string; data: Blob | string }[], mtime = new Date()): Promise<Blob> {
	const entries: Zippable = {};
	for (const f of files) {
		const bytes = typeof f.data === 'string' ? strToU8(f.data) : new Uint8Array(await f.data.arrayBuffer());
		entries[f.name] = [bytes, { level: typeof f.data === 'string' ? 6 : 0, mtime }];
	}
	return new Blob([zipSync(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
