// Local entry for monaco-yaml's language-server worker, for the same reason as editor.worker.ts.
import 'monaco-yaml/yaml.worker.js';
