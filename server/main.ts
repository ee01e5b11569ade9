import { run } from './cli.js';

// `node dist/server/main.js` is `deedbox serve`; other commands go through the same CLI.
const code = await run(process.argv.slice(2));
if (code >= 0) process.exit(code);
