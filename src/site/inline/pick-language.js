// A static site cannot read Accept-Language, so pick by the browser's languages here;
// the links on the page stay for anyone whose browser runs no scripts or who wants the other one.
(() => {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  let pick = 'en';
  for (const lang of langs) {
    const l = String(lang).toLowerCase();
    if (l.indexOf('ko') === 0) {
      pick = 'ko';
      break;
    }
    if (l.indexOf('en') === 0) {
      pick = 'en';
      break;
    }
  }
  location.replace('/' + pick + '/');
})();
