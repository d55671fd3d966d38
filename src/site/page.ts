/**
 * The one script every page loads at start (BaseLayout), in place of one module per component:
 * each was a request, a module to instantiate and a task of its own on a phone's busy main thread
 * before the page could answer (issue 18). Each part finds its elements and does nothing on a page
 * without them. What only matters later (storage notice, progress) waits for idle.
 */
import { mountOfflineControl, registerServiceWorker } from '../offline/register';
import { mountExerciseCards } from './exercise-cards';
import { whenIdle } from './idle';
import { keepPlaceOnLanguageSwitch } from './lang-switch';
import { loadQuizzesWhenNear, trackReadingWhenIdle } from './lazy-lesson';
import { mountNavMenus } from './nav-menu';
import { mountSearch } from './search';
import { mountStorageNotice } from './storage-notice';
import { mountThemeToggles } from './theme-toggle';

// The header's controls first: they are on screen at once.
mountThemeToggles();
mountNavMenus();
mountSearch();
// The rest in a task of its own: all of it in one task came close to the 50 ms that a phone's main
// thread may be busy before it counts as blocked (issue 18).
setTimeout(() => {
  keepPlaceOnLanguageSwitch(document.querySelector<HTMLElement>('.section-map'));
  mountExerciseCards();
  loadQuizzesWhenNear();
  trackReadingWhenIdle();
  whenIdle(mountStorageNotice);
  // The worker registers itself at idle after load. The offline switch is wired now: it does no
  // layout, and a lab started early is then marked for offline use the moment it starts.
  registerServiceWorker();
  mountOfflineControl();
});
