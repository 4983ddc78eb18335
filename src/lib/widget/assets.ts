/**
 * Where the book's static assets live: <site base>/data/ and <site base>/models/, resolved against this module
 * so a widget embedded on someone else's page still loads them from the book's site. Vite-only (import.meta.env).
 */
const SITE = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), import.meta.url).href;

export const DATA_BASE = `${SITE}data/`;
export const MODELS_BASE = `${SITE}models/`;
export const SAMPLES_BASE = `${SITE}samples/`;
