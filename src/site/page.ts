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

mountThemeToggles();
mountNavMenus();
mountSearch();
keepPlaceOnLanguageSwitch(document.querySelector<HTMLElement>('.section-map'));
mountExerciseCards();
loadQuizzesWhenNear();
trackReadingWhenIdle();
whenIdle(mountStorageNotice);
// The worker registers itself at idle after load. The offline switch is wired at once: it does no
// layout, and a lab started early is then marked for offline use the moment it starts.
registerServiceWorker();
mountOfflineControl();
