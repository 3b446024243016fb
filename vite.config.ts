import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app: index.html at the repo root loads web/main.tsx. `vite build` writes dist/web,
 * which the server serves (with index.html as the fallback for client routes). In development
 * `vite` proxies /api to the API on port 3000 (`npm run dev`).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
});
