// Local entry so Vite builds Monaco's base worker as its own file (importing it with ?worker directly dies in dev).
import 'monaco-editor/esm/vs/editor/editor.worker.js';
