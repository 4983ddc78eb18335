/** The base path a built page was made for: its script-tag entry sits at `<base>widgets/v1/feature-maps.js`. */
export function siteBase(indexHtml: string): string {
  const m = /<script[^>]*src="([^"]*\/)widgets\/v1\/feature-maps\.js"/.exec(indexHtml);
  if (!m) throw new Error('not a Feature Maps page: no widgets/v1/feature-maps.js script');
  return m[1]!;
}

/** The README.txt of `npm run pack`'s archive: how to serve the book, read it offline, and let other sites embed it. */
export function offlineReadme(base: string): string {
  const sub = base === '/' ? '' : ` under ${base}`;
  return `Feature Maps — an interactive textbook on CNNs and transfer learning (a built copy)

ON A WEB SERVER
Copy the contents of this folder to your server's web root. The book was built to live${sub || ' at the root'};
open http(s)://your-server${base}. Any static server works (Apache, nginx, GitHub Pages, a school intranet):
there is no server code and no database. HTTPS (or localhost) is needed for WebGPU; without it the widgets
fall back to WebGL and say so. Saving chapters for offline reading also needs HTTPS (or localhost); on
plain http the button does not appear.

ON ONE COMPUTER, OFFLINE
Browsers do not run the book's modules from file:// addresses, so start the small server included here
(Node.js 18 or newer, nothing to install):
    node serve.mjs ${base === '/' ? '.' : base.slice(1, -1)} 4321${base === '/' ? '' : ` ${base}`}
then open http://127.0.0.1:4321${base}
(Python works too, from this folder: python3 -m http.server 4321 --bind 127.0.0.1)

LETTING OTHER SITES EMBED IT
Frames (${base}embed/v1/<widget>/) work from any site. For the script-tag widgets
(${base}widgets/v1/feature-maps.js) other origins load, the server must send
    Access-Control-Allow-Origin: *
for .js and for the data/, models/ and samples/ folders.

Nothing in the book contacts any other server: no fonts, analytics or CDNs.
`;
}
