import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExerciseDef, ExerciseStatus } from '../../learn/exercise/types';
import { availableHints, evaluate } from '../../learn/exercise/engine';
import type { LabStore } from '../store';
import type { LabSandbox, Locale } from '../types';
import type { LabStrings } from '../i18n';
import { useLab } from '../use-store';
import { markExercise } from '../../learn/progress/actions';
import './exercises.css';

interface Props {
  store: LabStore;
  sandbox: LabSandbox;
  exercises: ExerciseDef[];
  /** The lesson these exercises belong to, for the learner's progress. */
  lesson?: string;
  locale: Locale;
  t: LabStrings;
  labId: string;
  onReset(extraSetup: string[], faults?: Record<string, unknown>): void;
}

/**
 * Checks every exercise after each change of the simulated world, of the history or of an answer,
 * and tells the page (lesson text badges, progress) through a `lab:exercises` event.
 */
export function ExercisesPanel({ store, sandbox, exercises, lesson, locale, t, labId, onReset }: Props) {
  const world = useLab(store, (s) => s.worldVersion);
  const history = useLab(store, (s) => s.history);
  const answers = useLab(store, (s) => s.answers);
  const statuses = useMemo(() => evaluate(exercises, { sandbox, history, answers }), [world, history, answers, exercises]);
  const [hintsShown, setHintsShown] = useState<Record<string, number>>({});
  const [playing, setPlaying] = useState<string | null>(null);

  useEffect(() => {
    document.dispatchEvent(new CustomEvent('lab:exercises', { detail: { labId, statuses } }));
    // Progress remembers that an exercise was solved; experimenting afterwards (which may un-tick
    // the live check) does not take the achievement away.
    if (lesson) for (const s of statuses) if (s.state === 'done') markExercise(lesson, s.id, true);
  }, [statuses]);

  const play = async (ex: ExerciseDef) => {
    setPlaying(ex.id);
    try {
      for (const line of ex.solution) {
        const result = await store.getState().exec(line, { echo: true });
        if (ex.answer && line === ex.solution[ex.solution.length - 1]) store.getState().setAnswer(ex.id, result.stdout.trim());
        await new Promise((r) => setTimeout(r, 350));
      }
    } finally {
      setPlaying(null);
    }
  };

  const done = statuses.filter((s) => s.state === 'done').length;
  return (
    <div class="exercises">
      <p class="exercises-summary" role="status" aria-live="polite">
        {t.exercisesDone(done, exercises.length)}
      </p>
      <ol class="exercise-list">
        {exercises.map((ex, i) => {
          const status = statuses[i] as ExerciseStatus;
          const hints = availableHints(ex, { sandbox, history, answers });
          const shown = Math.min(hintsShown[ex.id] ?? 0, hints.length);
          const attempted = history.length > 0 || (answers[ex.id] ?? '') !== '' || shown > 0;
          return (
            <li key={ex.id} class={`exercise exercise-${status.state}`} aria-labelledby={`${labId}-ex-${ex.id}`}>
              <h3 id={`${labId}-ex-${ex.id}`} class="exercise-title">
                <span class="exercise-mark" aria-hidden="true">
                  {status.state === 'done' ? '✓' : status.state === 'locked' ? '🔒' : '○'}
                </span>{' '}
                {ex.title[locale]} <span class="visually-hidden">({t.exerciseState[status.state]})</span>
              </h3>
              <p>{ex.task[locale]}</p>
              {status.state === 'locked' && (
                <p class="muted small exercise-needs">
                  {t.exerciseNeeds}: {status.missing.map((id) => exercises.find((e) => e.id === id)?.title[locale] ?? id).join(', ')}
                </p>
              )}
              {status.state === 'open' && (
                <ul class="exercise-gaps">
                  {status.gaps.map((g, j) => (
                    <li key={j}>{g[locale]}</li>
                  ))}
                </ul>
              )}
              {ex.answer && status.state !== 'locked' && (
                <label class="exercise-answer">
                  <span>{ex.answer.prompt[locale]}</span>
                  <input
                    type="text"
                    value={answers[ex.id] ?? ''}
                    spellcheck={false}
                    autocomplete="off"
                    onInput={(e) => store.getState().setAnswer(ex.id, (e.currentTarget as HTMLInputElement).value)}
                  />
                </label>
              )}
              {status.state !== 'locked' && (
                <div class="exercise-actions">
                  {shown < hints.length && (
                    <button type="button" class="button small" onClick={() => setHintsShown({ ...hintsShown, [ex.id]: shown + 1 })}>
                      {t.showHint(shown + 1, hints.length)}
                    </button>
                  )}
                  {attempted && status.state !== 'done' && (
                    <button type="button" class="button small" disabled={playing !== null} onClick={() => void play(ex)}>
                      {playing === ex.id ? t.playingSolution : t.showSolution}
                    </button>
                  )}
                  <button
                    type="button"
                    class="button small"
                    onClick={() => {
                      if (confirm(t.resetExerciseConfirm)) onReset(ex.setup ?? [], ex.faults);
                    }}
                  >
                    {t.resetExercise}
                  </button>
                </div>
              )}
              {shown > 0 && (
                <ol class="exercise-hints">
                  {hints.slice(0, shown).map((h, j) => (
                    <li key={j}>{h.text[locale]}</li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
