import { useEffect, useRef } from 'preact/hooks';
import type { LabStrings } from '../i18n';
import { isString, labKey, readJson, writeJson } from '../storage';
import type { LabStore } from '../store';
import type { Locale } from '../types';
import { markersFromApply } from './apply-markers';
import { manifestSchema } from './k8s-schema';
import { monaco, setUpMonaco } from './monaco';
import { SNIPPETS } from './snippets';

interface Props {
  store: LabStore;
  labId: string;
  initial: string;
  locale: Locale;
  t: LabStrings;
  dark: boolean;
  onReady?: (api: { apply(): void; setText(text: string): void; insert(text: string): void; focus(): void }) => void;
}

const MARKER_OWNER = 'kubectl-apply';

/** The YAML editor: schema help from monaco-yaml, Apply on Ctrl/Cmd+Enter, apply errors as markers. */
export function Editor({ store, labId, initial, locale, t, dark, onReady }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    const draft = readJson(labKey(labId, 'draft'), isString);
    const uri = monaco.Uri.parse(`file:///lab/${encodeURIComponent(labId)}/manifest.yaml`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(draft ?? initial, 'yaml', uri);
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      ariaLabel: t.yamlEditor,
      accessibilitySupport: 'auto',
      theme: dark ? 'vs-dark' : 'vs',
      quickSuggestions: { other: true, comments: false, strings: true },
      wordBasedSuggestions: 'off',
      fixedOverflowWidgets: true,
      // The dimmed number of the empty last line fails colour contrast; show it like any other line.
      renderFinalNewline: 'on',
    });
    editorRef.current = editor;
    // The YAML language server (a 180 KB gzip worker: validation, hover, completion) starts when
    // the learner first reaches for the editor, not with the lab: many labs are run from the
    // terminal alone (issue 15). It then checks the models that already exist.
    const startLanguageServer = () => {
      setUpMonaco([{ uri: 'https://external-ip-lab.example/schemas/k8s-manifest.json', fileMatch: ['*.yaml'], schema: manifestSchema }]);
      for (const sub of firstUse) sub.dispose();
    };
    const firstUse = [editor.onDidFocusEditorText(startLanguageServer), editor.onMouseMove(startLanguageServer), model.onDidChangeContent(startLanguageServer)];

    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const changeSub = model.onDidChangeContent(() => {
      // Apply errors describe the text as it was; once the learner edits, they would mislead.
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => writeJson(labKey(labId, 'draft'), model.getValue()), 300);
    });

    const apply = async () => {
      const text = model.getValue();
      writeJson(labKey(labId, 'draft'), text);
      const result = await store.getState().apply(text);
      const markers = markersFromApply(text, result.stderr).map((m) => ({ ...m, severity: monaco.MarkerSeverity.Error, source: 'kubectl' }));
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    };
    editor.addAction({
      id: 'lab.apply',
      label: t.apply,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => void apply(),
    });

    const snippetProvider = monaco.languages.registerCompletionItemProvider('yaml', {
      provideCompletionItems(_model, position) {
        if (position.column > 4) return { suggestions: [] };
        const range = new monaco.Range(position.lineNumber, 1, position.lineNumber, position.column);
        return {
          suggestions: SNIPPETS.map((s) => ({
            label: `svc:${s.id}`,
            detail: s.label[locale],
            kind: monaco.languages.CompletionItemKind.Snippet,
            insertText: s.yaml,
            range,
          })),
        };
      },
    });

    onReady?.({
      apply: () => void apply(),
      setText: (text) => model.setValue(text),
      insert(text) {
        const end = model.getFullModelRange().getEndPosition();
        const sep = model.getValue().trim() ? '---\n' : '';
        const prefix = model.getValue().endsWith('\n') || !model.getValue() ? '' : '\n';
        model.pushEditOperations(
          [],
          [{ range: new monaco.Range(end.lineNumber, end.column, end.lineNumber, end.column), text: prefix + sep + text }],
          () => null,
        );
        editor.focus();
      },
      focus: () => editor.focus(),
    });

    return () => {
      clearTimeout(saveTimer);
      writeJson(labKey(labId, 'draft'), model.getValue());
      changeSub.dispose();
      for (const sub of firstUse) sub.dispose();
      snippetProvider.dispose();
      editor.dispose();
    };
  }, [store, labId]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return <div class="editor-host" ref={host} />;
}
