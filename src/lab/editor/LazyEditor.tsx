import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LabStrings } from '../i18n';
import type { Editor as EditorComponent } from './Editor';

type EditorProps = ComponentProps<typeof EditorComponent>;

let editorModule: Promise<{ Editor: typeof EditorComponent }> | null = null;

/**
 * Fetches and evaluates Monaco (the editor chunk, ~3 MB of JavaScript). Called once the terminal
 * is up, so the prompt never waits for the editor; a second lab on the page reuses the promise.
 */
export function loadEditor(): Promise<{ Editor: typeof EditorComponent }> {
  editorModule ??= import('./Editor').catch((err: unknown) => {
    editorModule = null; // a later start may try again (a flaky connection, an update deployed meanwhile)
    throw err;
  });
  return editorModule;
}

interface Props extends EditorProps {
  /** False until the terminal is usable: Monaco's evaluation would compete with it for the main thread. */
  load: boolean;
  t: LabStrings;
}

/**
 * The YAML editor, arriving after the terminal: until Monaco is loaded a labelled placeholder says
 * so (a status, so screen readers hear it), and the toolbar's editor actions wait (LabApp).
 */
export function LazyEditor({ load, t, ...props }: Props) {
  const [Loaded, setLoaded] = useState<FunctionComponent<EditorProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!load || Loaded) return;
    let live = true;
    loadEditor().then(
      (m) => live && setLoaded(() => m.Editor),
      (err: unknown) => {
        console.error(err);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (Loaded) return <Loaded {...props} t={t} />;
  return (
    <div class="editor-host editor-loading" role="status" aria-label={failed ? t.editorFailed : t.editorLoading}>
      <p>{failed ? t.editorFailed : t.editorLoading}</p>
    </div>
  );
}
