(() => {
  try {
    const t = localStorage.getItem('eil:theme');
    if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
  } catch {
    /* storage may be disabled: the system preference still applies through CSS */
  }
})();
