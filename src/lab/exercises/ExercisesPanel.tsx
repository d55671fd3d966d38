import { useEffect, useMemo, useState } from 'preact/hooks';
import { availableHints, choiceKey, evaluate, solvedCount } from '../../learn/exercise/engine';
import type { ExerciseDef, ExerciseStatus } from '../../learn/exercise/types';
import { markExercise } from '../../learn/progress/actions';
import type { LabStrings } from '../i18n';
import type { LabStore } from '../store';
import type { LabSandbox, Locale } from '../types';
import { useLab } from '../use-store';
import './exercises.css';
import { progressStore } from '../../learn/progress/store';

/** Exercises of this lesson the learner's progress records as solved (on any earlier visit, in either language). */
function solvedBefore(lesson: string | undefined): Set<string> {
  const recorded = lesson ? progressStore().getState().lessons[lesson]?.exercises : undefined;
  return new Set(
    Object.entries(recorded ?? {})
      .filter(([, done]) => done)
      .map(([id]) => id),
  );
}

/**
 * Typed answers and picked options by lab: Undo, Redo and Reset rebuild the lab into a new store
 * (whose answers start empty), and an answer the learner gave should outlive that while the page
 * is open, as the commands do.
 */
const keptAnswers = new Map<string, Record<string, string>>();

/**
 * A multi-cloud lab's exercises (clouds/start.ts): each is checked in, and played into, its own
 * cloud's tab. The lab hands this panel exercises whose goals and hints already read that tab, and
 * keeps typed answers the same in every tab, so only these need the other tabs.
 */
export interface ExerciseTabs {
  /** The lesson's exercises, each reading its own cloud's tab (clouds/exercises.ts). */
  wrap(exercises: ExerciseDef[]): ExerciseDef[];
  /** Switches to the exercise's tab (opening it first) and resolves with its store. */
  show(ex: ExerciseDef): Promise<LabStore>;
  /** Resets the exercise's tab to the exercise's start. */
  reset(ex: ExerciseDef): void;
  /** Called on any change in any tab (the checks re-run). */
  subscribe(listener: () => void): () => void;
}

interface Props {
  store: LabStore;
  cloudTabs?: ExerciseTabs | undefined;
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
export function ExercisesPanel({ store, cloudTabs, sandbox, exercises, lesson, locale, t, labId, onReset }: Props) {
  const world = useLab(store, (s) => s.worldVersion);
  const history = useLab(store, (s) => s.history);
  const answers = useLab(store, (s) => s.answers);
  const [otherTabs, setOtherTabs] = useState(0);
  useEffect(() => cloudTabs?.subscribe(() => setOtherTabs((n) => n + 1)), [cloudTabs]);
  const statuses = useMemo(() => evaluate(exercises, { sandbox, history, answers }, solvedBefore(lesson)), [world, history, answers, exercises, otherTabs]);
  const [hintsShown, setHintsShown] = useState<Record<string, number>>({});

  useEffect(() => {
    const kept = keptAnswers.get(labId);
    if (!kept || Object.keys(store.getState().answers).length > 0) return;
    for (const [key, value] of Object.entries(kept)) store.getState().setAnswer(key, value);
  }, [store]);
  useEffect(() => {
    if (Object.keys(answers).length > 0) keptAnswers.set(labId, answers);
  }, [answers]);
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
      // In a multi-cloud lab the solution runs where the exercise is checked, shown first.
      const target = cloudTabs ? await cloudTabs.show(ex) : store;
      for (const line of ex.solution) {
        const result = await target.getState().exec(line, { echo: true });
        if (ex.answer && line === ex.solution[ex.solution.length - 1]) store.getState().setAnswer(ex.id, result.stdout.trim());
        await new Promise((r) => setTimeout(r, 350));
      }
      if (ex.choice) store.getState().setAnswer(choiceKey(ex.id), ex.choice.correct);
    } finally {
      setPlaying(null);
    }
  };

  const done = solvedCount(statuses);
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
          const attempted = history.length > 0 || (answers[ex.id] ?? '') !== '' || (answers[choiceKey(ex.id)] ?? '') !== '' || shown > 0;
          return (
            <li key={ex.id} class={`exercise exercise-${status.state}`} aria-labelledby={`${labId}-ex-${ex.id}`}>
              <h3 id={`${labId}-ex-${ex.id}`} class="exercise-title">
                <span class="exercise-mark" aria-hidden="true">
                  {status.state === 'done' ? '✓' : status.state === 'locked' ? '🔒' : status.solvedBefore ? '↺' : '○'}
                </span>{' '}
                {ex.title[locale]} <span class="visually-hidden">({t.exerciseState[status.state]})</span>
              </h3>
              <p>{ex.task[locale]}</p>
              {status.state === 'locked' && (
                <p class="muted small exercise-needs">
                  {t.exerciseNeeds}: {status.missing.map((id) => exercises.find((e) => e.id === id)?.title[locale] ?? id).join(', ')}
                </p>
              )}
              {status.state === 'open' && status.solvedBefore && <p class="exercise-solved-before">{t.solvedBefore}</p>}
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
              {ex.choice && status.state !== 'locked' && (
                // Styled inline so the choice needs no stylesheet of its own (lab.css belongs to the lab UI).
                <fieldset
                  class="exercise-choice"
                  style={{ border: 'none', padding: 0, margin: '0.3rem 0 0', display: 'flex', flexDirection: 'column', gap: '0.2rem' }}
                >
                  <legend>{ex.choice.prompt[locale]}</legend>
                  {ex.choice.options.map((o) => (
                    <label key={o.id}>
                      <input
                        type="radio"
                        name={`${labId}-ex-${ex.id}-choice`}
                        value={o.id}
                        checked={answers[choiceKey(ex.id)] === o.id}
                        onChange={() => store.getState().setAnswer(choiceKey(ex.id), o.id)}
                      />{' '}
                      {o.text[locale]}
                    </label>
                  ))}
                </fieldset>
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
                      if (!confirm(t.resetExerciseConfirm)) return;
                      if (cloudTabs) cloudTabs.reset(ex);
                      else onReset(ex.setup ?? [], ex.faults);
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
