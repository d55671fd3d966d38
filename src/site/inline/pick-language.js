// A static site cannot read Accept-Language, so pick by the browser's languages here;
// the links on the page stay for anyone whose browser runs no scripts or who wants the other one.
(function () {
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  var pick = 'en';
  for (var i = 0; i < langs.length; i++) {
    var l = String(langs[i]).toLowerCase();
    if (l.indexOf('ko') === 0) { pick = 'ko'; break; }
    if (l.indexOf('en') === 0) { pick = 'en'; break; }
  }
  location.replace('/' + pick + '/');
})();
