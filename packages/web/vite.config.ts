import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The console is served by the Gongdan server from dist/; in development `vite` proxies the API
// (and the live WebSocket) to a server started with `npm start` on :3000.
const api = process.env.GONGDAN_API ?? 'http://localhost:3000';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes name.br and name.gz beside every text file of the build, compressed once at the highest
 * levels, so the server sends them without compressing per request (@fastify/static's preCompressed).
 * Small files are left alone: their headers would weigh more than the saving.
 */
function precompress(): Plugin {
  return {
    name: 'gongdan-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const data = await readFile(join(dir, f));
          if (data.length < 1024) return;
          const [b, g] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gz(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(join(dir, `${f}.br`), b), writeFile(join(dir, `${f}.gz`), g)]);
        }),
      );
    },
  };
}

/**
 * The head of the page, for a cold load. The entry is async: a module script otherwise waits until the
 * stylesheet (all of Ant Design's, ~1 MB) is parsed, and it is the entry that starts the page's API
 * requests. Every page needs the vendor and common chunks (see codeSplitting below), but only the
 * entry's code asks for them: links in the head start them with the HTML instead, at the entry's side.
 */
function coldLoadHead(): Plugin {
  return {
    name: 'gongdan-cold-load-head',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const shared = ['vendor', 'common'].flatMap((name) => Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk' && c.name === name));
        return {
          html: html.replace('<script type="module" crossorigin', '<script type="module" async crossorigin'),
          tags: shared.map((c) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${c.fileName}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), coldLoadHead()],
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: api,
        changeOrigin: true,
        ws: true,
        // the server refuses cookie requests whose Origin is not its own host: present them as same-origin
        configure: (proxy) => {
          const sameOrigin = (req: { getHeader: (n: string) => unknown; setHeader: (n: string, v: string) => void }) => {
            if (req.getHeader('origin')) req.setHeader('origin', new URL(api).origin);
          };
          proxy.on('proxyReq', sameOrigin);
          proxy.on('proxyReqWs', sameOrigin);
        },
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the vendor chunk (all libraries, ~1.5 MB, ~400 kB brotli) is one file on purpose: see codeSplitting
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Few files rather than many: the console is served over HTTP/1.1, six requests at a time, and
        // a cold load of the ticket page asked for ~50 files (Ant Design split per component), whose
        // requests queued for longer than their code took to run. So: every library in one long-cached
        // chunk, the console's code shared by two or more pages in one more, and each page its own.
        codeSplitting: {
          groups: [
            // what the entry imports itself (the api client, the stylesheets) stays with it and out of the
            // two groups: the entry starts the page's requests before the rest of the code has arrived
            { name: 'entry', tags: ['$initial'], priority: 3 },
            // the map library only where the map is (the 派单地图 page's own chunk): never in every page's cold load
            { name: 'vendor', test: /node_modules[\\/](?!leaflet[\\/]|react-leaflet[\\/]|@react-leaflet[\\/])/, priority: 2 },
            { name: 'common', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
