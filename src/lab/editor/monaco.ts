/**
 * Monaco with only the features the lab uses, plus YAML language support through monaco-yaml.
 * Loaded on "Start lab" only: importing the package root would add ~150 KB gzip and extra workers.
 * Left out (issue 15, gzip saved): wordHighlighter (3.7 KB: other occurrences of a word matter
 * little in YAML), placeholderText and readOnlyMessage (the editor has neither), cursorUndo, and
 * folding (a lab's manifests are a screen long), and Monaco's context menu (right-click gives
 * the browser's own, with cut/copy/paste; every action has its key).
 * Hover (55 KB) stays: it shows the schema's field descriptions, which teach.
 */
import * as monaco from 'monaco-editor/editor.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from './workers/editor.worker.ts?worker';
import YamlWorker from './workers/yaml.worker.ts?worker';

export { monaco };

type WorkerOptions = Parameters<typeof monaco.editor.createWebWorker>[0];

let configured = false;

/**
 * monaco-yaml 5.5 still calls `createWebWorker({ label, moduleId, createData })`, the pre-0.55 form
 * (upstream issue #272): hand it a monaco whose createWebWorker builds the worker itself.
 */
function monacoForYaml(): typeof monaco {
  const createWebWorker = (opts: WorkerOptions | { label?: string; createData?: unknown }) => {
    if ('worker' in opts) return monaco.editor.createWebWorker(opts);
    const worker = new YamlWorker();
    // The worker's bootstrap takes its first message as "start" and its second as the create data
    // (the language-server options); only then does it speak Monaco's RPC protocol.
    worker.postMessage('start');
    worker.postMessage(opts.createData);
    return monaco.editor.createWebWorker({ worker, keepIdleModels: true });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as typeof monaco;
}

// Set when Monaco loads: an editor feature may ask for its worker before the YAML language server starts.
(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker() {
    return new EditorWorker();
  },
};

/** Starts the YAML language server (its worker) once; Editor.tsx calls it on the learner's first use of the editor. */
export function setUpMonaco(schemas: { uri: string; fileMatch: string[]; schema: JSONSchema }[]): typeof monaco {
  if (configured) return monaco;
  configured = true;
  configureMonacoYaml(monacoForYaml(), {
    enableSchemaRequest: false,
    format: { enable: false },
    hover: true,
    completion: true,
    validate: true,
    isKubernetes: true,
    schemas,
  });
  return monaco;
}
