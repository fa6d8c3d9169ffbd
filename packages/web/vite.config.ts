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

export default defineConfig({
  plugins: [react(), precompress()],
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
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React and the router change rarely and every page needs them: one long-cached chunk.
        // Ant Design is left to the default splitting so a page loads only the components it uses.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
