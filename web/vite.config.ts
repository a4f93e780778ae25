import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API origin for the dev and preview servers; the built app always calls its own origin.
const apiTarget = process.env.OPENBEAT_API_URL ?? 'http://127.0.0.1:8080';

const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/metrics': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate, long-cached chunk.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/ },
            { name: 'i18n', test: /\/src\/i18n\/.*\.json$/ },
          ],
        },
      },
    },
  },
});
