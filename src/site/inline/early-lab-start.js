(() => {
  const html = document.documentElement;
  document.addEventListener(
    'click',
    (e) => {
      if (html.hasAttribute('data-lab-bound')) return;
      const button = e.target instanceof Element ? e.target.closest('.lab-start') : null;
      const shell = button && (button.closest('.lab-shell') || document.querySelector('.lab-shell'));
      if (!shell?.id) return;
      html.setAttribute('data-lab-asked', shell.id);
      const status = button.closest('.lab-bar, .lab-shell')?.querySelector('.lab-status');
      if (status) status.textContent = shell.getAttribute('data-lab-loading') || '';
    },
    true,
  );
})();
