// gongkai default theme: larger text (for older readers). Loaded in <head>, before the
// page is drawn, so a reader who chose larger text never sees the page jump:
// the choice is kept in localStorage and applies on every page of the site.
// The button in the header's navigation stays hidden without this script.
(function () {
  'use strict';
  var key = 'gongkai-large-text';
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(key) === '1'; } catch (e) { return false; }
  }
  function store(on) {
    try {
      if (on) window.localStorage.setItem(key, '1'); else window.localStorage.removeItem(key);
    } catch (e) { /* storage off: the choice lasts for this page only */ }
  }

  if (stored()) root.classList.add('large-text');

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('button.text-size');
    if (!button) return;
    function show() { button.setAttribute('aria-pressed', root.classList.contains('large-text') ? 'true' : 'false'); }
    button.closest('.text-size-item').hidden = false;
    show();
    button.addEventListener('click', function () {
      var on = !root.classList.contains('large-text');
      root.classList.toggle('large-text', on);
      store(on);
      show();
    });
  });
})();
