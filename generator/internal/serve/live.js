// gongkai serve: reloads the page after each rebuild, keeping its scroll
// position. Only `gongkai serve` adds this script; built sites never have it.
(function () {
  'use strict';
  var key = 'gongkai-scroll:' + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener('load', function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  var events = new EventSource('/__gongkai/events');
  events.addEventListener('reload', function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
