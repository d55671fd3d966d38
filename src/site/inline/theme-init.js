(function () {
  try {
    var t = localStorage.getItem('eil:theme');
    if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
  } catch (e) {
    /* storage may be disabled: the system preference still applies through CSS */
  }
})();
