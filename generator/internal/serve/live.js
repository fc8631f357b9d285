// gongkai serve: reloads the page after each rebuild. The browser keeps the
// scroll position across a reload. Only `gongkai serve` adds this script;
// built sites never have it.
(function () {
  'use strict';
  var events = new EventSource('/__gongkai/events');
  events.addEventListener('reload', function () { location.reload(); });
})();
