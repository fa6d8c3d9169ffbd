#!/usr/bin/env node
// `npm start`: one process from the check of the web console's build to the server, so that the signal a
// service manager or Ctrl-C sends reaches the server itself (package.json runs it with `exec`, in place of
// npm's shell). WEB_DIST_DIR names a console built elsewhere: then packages/web is not looked at.
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './ensure-web-build.mjs';

if (process.env.WEB_DIST_DIR) console.log(`web console: served from WEB_DIST_DIR (${process.env.WEB_DIST_DIR})`);
else await ensureWebBuild();
register();
await import('../packages/server/src/main.ts');
