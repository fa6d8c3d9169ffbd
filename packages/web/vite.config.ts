import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the Gongdan server from dist/; in development `vite` proxies the API
// (and the live WebSocket) to a server started with `npm start` on :3000.
const api = process.env.GONGDAN_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
