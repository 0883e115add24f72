import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vitest/config";

// Served by the Flask app at /console/; `npm run dev` proxies the API to a local server.
export default defineConfig({
  base: "/console/",
  plugins: [vue()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // Leaflet's marker images are small; inlining them keeps the CSP at 'self' + data:.
    assetsInlineLimit: 8192,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8000" },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
