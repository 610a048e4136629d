// `npm run build:web`: compiles the web UI now (npm start and the browser
// tests do it themselves when it is out of date) and reports the first load.
import { ensureWebBuild } from './lib/web-build.js';

await ensureWebBuild((line) => console.log(line), { force: true });
