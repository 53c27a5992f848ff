// Every route is prerendered to static files; the map needs the browser, so pages render client-side.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
