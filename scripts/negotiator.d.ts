/** negotiator 1.x (the @types package describes 0.6, without the `preferred` option used here). */
declare module 'negotiator' {
	import type { IncomingMessage } from 'node:http';
	export default class Negotiator {
		constructor(req: Pick<IncomingMessage, 'headers'>);
		encoding(available: string[], opts?: { preferred?: string[] }): string | undefined;
	}
}
