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
            // The chart library and its dependencies load only with the indicator page's chart.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|clsx)[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            { name: 'vendor', test: /node_modules/, priority: 1 },
            { name: 'i18n', test: /\/src\/i18n\/.*\.json$/ },
          ],
        },
      },
    },
  },
});
