// Resolved through the Vite alias in astro.config.mjs (the package's exports map hides this path).
declare module 'monaco-editor/esm/vs/editor/editor.worker.js';
