/**
 * zod, configured once for the app and the build: jitless, so zod never probes `Function('')` to compile
 * parsers; under the site's Content-Security-Policy (no 'unsafe-eval') that probe is a violation report.
 */
import { z } from 'zod';

z.config({ jitless: true });
export { z };
