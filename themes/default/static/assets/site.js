// gongkai default theme: draws the page's charts from their JSON options and
// lets readers filter and sort tables. Everything works without this script;
// it only adds to what the HTML already shows.
(function () {
  'use strict';

  // Charts: each <script type="application/json" data-chart="ID"> holds the
  // options of the chart drawn into the element with that id. The options are
  // data (JSON.parse), never code.
  function drawCharts() {
    if (typeof window.echarts === 'undefined') return;
    var specs = document.querySelectorAll('script[type="application/json"][data-chart]');
    Array.prototype.forEach.call(specs, function (spec) {
      var box = document.getElementById(spec.getAttribute('data-chart'));
      if (!box) return;
      var options;
      try { options = JSON.parse(spec.textContent); } catch (e) { return; }
      var chart = window.echarts.init(box, null, { renderer: 'svg' });
      chart.setOption(options);
      window.addEventListener('resize', function () { chart.resize(); });
      setUpImage(box, options);
    });
  }

  // "Save as image": the chart's <button data-chart-image="ID"> draws the
  // same options once more, on a canvas the size of the chart on screen at
  // twice its resolution, and downloads that as ID.png. The picture is a
  // data: URL, which the page's Content-Security-Policy allows for images;
  // no markup or code comes from the options.
  function setUpImage(box, options) {
    var button = document.querySelector('button[data-chart-image="' + box.id + '"]');
    if (!button) return;
    button.addEventListener('click', function () {
      var url = chartImage(box, options);
      var a = document.createElement('a');
      a.href = url;
      a.download = box.id + '.png';
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
    });
    button.hidden = false;
  }

  function chartImage(box, options) {
    var holder = document.createElement('div');
    var chart = window.echarts.init(holder, null, {
      renderer: 'canvas', width: box.clientWidth || 800, height: box.clientHeight || 320
    });
    try {
      chart.setOption(options);
      return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    } finally {
      chart.dispose();
    }
  }

  // Filters: a <form data-filter-for="TABLE"> of <select name="KEY"> shows the
  // rows of TABLE whose data-KEY matches every chosen value; an
  // <input type="search"> keeps the rows whose text contains what was typed.
  // The choices are kept in the address (?doc=…&year=…) so a filtered view
  // can be linked. Rows follow each choice as it is made; the form's submit
  // button (and Enter) takes the reader to the rows, which on a phone are
  // below the form. Without this script the form stays hidden: a static
  // page cannot filter, and shows every row.
  function setUpFilters() {
    var forms = document.querySelectorAll('form[data-filter-for]');
    Array.prototype.forEach.call(forms, function (form) {
      var table = document.getElementById(form.getAttribute('data-filter-for'));
      if (!table) return;
      var rows = table.tBodies[0].rows;
      var count = form.querySelector('.filter-count');
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && params.has(el.name)) el.value = params.get(el.name);
      });
      function apply() {
        var shown = 0;
        var query = new URLSearchParams();
        Array.prototype.forEach.call(rows, function (row) {
          var ok = true;
          Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || !el.value) return;
            if (el.type === 'search') {
              if (row.textContent.indexOf(el.value.trim()) < 0) ok = false;
            } else if (row.getAttribute('data-' + el.name) !== el.value) {
              ok = false;
            }
          });
          row.hidden = !ok;
          if (ok) shown++;
        });
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name && el.value) query.set(el.name, el.value);
        });
        if (count) count.textContent = (count.getAttribute('data-text') || '{shown} / {total}').replace('{shown}', shown).replace('{total}', rows.length);
        var q = query.toString();
        window.history.replaceState(null, '', q ? '?' + q : window.location.pathname);
      }
      form.addEventListener('change', apply);
      form.addEventListener('input', apply);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        apply();
        var top = table.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight / 2) table.scrollIntoView({ block: 'start' });
      });
      form.hidden = false;
      apply();
    });
  }

  // Sorting: a <th data-sort="text|number"> becomes a button that sorts the
  // table's rows by that column (numbers by their data-value when present).
  function setUpSorting() {
    var heads = document.querySelectorAll('th[data-sort]');
    Array.prototype.forEach.call(heads, function (th) {
      var table = th.closest('table');
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(th.parentNode.children, function (h) {
          if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none');
        });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.getAttribute('data-sort') === 'number';
        rows.sort(function (a, b) {
          var x = a.cells[index], y = b.cells[index];
          var p = x.getAttribute('data-value') || x.textContent.trim();
          var q = y.getAttribute('data-value') || y.textContent.trim();
          var c = numeric ? (parseFloat(p) || 0) - (parseFloat(q) || 0) : p.localeCompare(q, document.documentElement.lang || 'zh-CN');
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // Printing: a <button data-print> (hidden without this script) prints the
  // page, e.g. a document's scorecard.
  function setUpPrint() {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  // ECharts, the only large script, is fetched once the page has loaded
  // and a chart comes near the screen (the page names it in
  // <meta name="gongkai-charts">): reading the page never waits for it, and
  // a reader who never scrolls to a chart does not download it. The charts
  // are drawn when it arrives.
  function loadCharts() {
    var meta = document.querySelector('meta[name="gongkai-charts"]');
    if (!meta || typeof window.echarts !== 'undefined') { drawCharts(); return; }
    var started = false;
    var start = function () {
      if (started) return;
      started = true;
      var script = document.createElement('script');
      script.src = meta.getAttribute('content');
      script.onload = drawCharts;
      document.head.appendChild(script);
    };
    var boxes = Array.prototype.map.call(document.querySelectorAll('script[type="application/json"][data-chart]'), function (spec) {
      return document.getElementById(spec.getAttribute('data-chart'));
    }).filter(Boolean);
    var watch = function () {
      if (!('IntersectionObserver' in window)) { start(); return; }
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); start(); }
      }, { rootMargin: '100px 0px' });
      boxes.forEach(function (box) { seen.observe(box); });
    };
    if (document.readyState === 'complete') watch();
    else window.addEventListener('load', watch);
  }

  document.addEventListener('DOMContentLoaded', function () {
    loadCharts();
    setUpFilters();
    setUpSorting();
    setUpPrint();
  });
})();
