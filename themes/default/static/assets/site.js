// gongkai default theme: draws the page's charts from their JSON options and
// lets readers filter and sort tables. Everything works without this script;
// it only adds to what the HTML already shows.
(function () {
  'use strict';

  // Charts: each <script type="application/json" data-chart="ID"> holds the
  // options of the chart drawn into the element with that id. The options are
  // data (JSON.parse), never code. ECharts (700 KB) is the one large script;
  // a phone would freeze for a second while it starts, so a chart is first
  // drawn in a Web Worker, off the page's main thread, as a picture (SVG)
  // that looks the same as the live chart, and the live chart — tooltips,
  // legend — replaces it when the reader points at or touches it (or asks
  // for an image). Where workers are missing the live chart is drawn at once.
  var charts = { src: null, jobs: [], worker: null, live: null };

  function chartJobs() {
    var jobs = [];
    Array.prototype.forEach.call(document.querySelectorAll('script[type="application/json"][data-chart]'), function (spec) {
      var box = document.getElementById(spec.getAttribute('data-chart'));
      var options;
      try { options = JSON.parse(spec.textContent); } catch (e) { return; }
      if (box) jobs.push({ box: box, options: options, width: 0, chart: null });
    });
    return jobs;
  }

  // goLive loads ECharts on the page (the worker's copy is in the browser's
  // cache) and draws every chart live; done() runs once they are drawn.
  function goLive(done) {
    if (!charts.live) {
      charts.live = [];
      if (charts.worker) { charts.worker.terminate(); charts.worker = null; }
      var draw = function () {
        charts.jobs.forEach(drawLive);
        var waiting = charts.live;
        charts.live = true;
        waiting.forEach(function (f) { f(); });
      };
      if (typeof window.echarts !== 'undefined') {
        draw();
      } else {
        var script = document.createElement('script');
        script.src = charts.src;
        script.onload = draw;
        document.head.appendChild(script);
      }
    }
    if (!done) return;
    if (charts.live === true) done();
    else charts.live.push(done);
  }

  function drawLive(job) {
    if (typeof window.echarts === 'undefined' || job.chart) return;
    while (job.box.firstChild) job.box.removeChild(job.box.firstChild);
    job.chart = window.echarts.init(job.box, null, { renderer: 'svg' });
    job.chart.setOption(job.options);
    window.addEventListener('resize', function () { job.chart.resize(); });
  }

  // drawPictures asks a worker running ECharts' SVG renderer for each chart
  // at its box's size (again when the size changes); false if no worker.
  function drawPictures() {
    if (typeof Worker === 'undefined' || typeof DOMParser === 'undefined') return false;
    var worker;
    try { worker = new Worker(charts.src); } catch (e) { return false; }
    charts.worker = worker;
    var ask = function (job, i) {
      var width = job.box.clientWidth;
      if (job.chart || !width || width === job.width) return;
      job.width = width;
      worker.postMessage({ id: i, options: job.options, width: width, height: job.box.clientHeight || 320 });
    };
    worker.onmessage = function (e) {
      var job = charts.jobs[e.data.id];
      if (!job || job.chart || e.data.width !== job.width) return;
      var svg = e.data.svg && pictureOf(e.data.svg);
      if (!svg) { goLive(); return; }
      while (job.box.firstChild) job.box.removeChild(job.box.firstChild);
      job.box.appendChild(svg);
    };
    worker.onerror = function () { goLive(); };
    charts.jobs.forEach(ask);
    var timer = 0;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { if (charts.worker) charts.jobs.forEach(ask); }, 150);
    });
    return true;
  }

  // pictureOf turns the worker's SVG text into page elements, keeping only
  // drawing elements and their presentation attributes: no script, no
  // links, no event handlers. Inline styles (fonts) are set through the
  // element's style object, which the Content-Security-Policy allows; they
  // are renamed before parsing, and the <style> of hover rules dropped, as
  // even an unrendered parse of them counts against the policy.
  var drawing = /^(svg|g|path|rect|circle|ellipse|line|polyline|polygon|text|tspan|title|defs|clipPath|linearGradient|radialGradient|stop|pattern|mask)$/;
  function pictureOf(text) {
    text = text.replace(/<style[\s\S]*?<\/style>/g, '').replace(/ style="/g, ' data-style="');
    var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    var root = doc.documentElement;
    if (!root || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
    var copy = function (node) {
      if (node.nodeType === 3) return document.createTextNode(node.nodeValue);
      if (node.nodeType !== 1 || !drawing.test(node.localName)) return null;
      var el = document.createElementNS('http://www.w3.org/2000/svg', node.localName);
      Array.prototype.forEach.call(node.attributes, function (at) {
        var name = at.name.toLowerCase();
        if (name.indexOf('on') === 0 || /href$/.test(name) || at.namespaceURI) return;
        if (name === 'data-style') el.style.cssText = at.value;
        else el.setAttribute(at.name, at.value);
      });
      Array.prototype.forEach.call(node.childNodes, function (c) {
        var d = copy(c);
        if (d) el.appendChild(d);
      });
      return el;
    };
    return copy(root);
  }

  // loadCharts starts once the page has loaded and a chart comes near the
  // screen (the page names ECharts in <meta name="gongkai-charts">): reading
  // the page never waits for it, and a reader who never scrolls to a chart
  // does not download it.
  function loadCharts() {
    var meta = document.querySelector('meta[name="gongkai-charts"]');
    charts.jobs = chartJobs();
    if (!meta || !charts.jobs.length) return;
    charts.src = meta.getAttribute('content');
    charts.jobs.forEach(function (job) {
      var live = function () { goLive(); };
      ['pointerover', 'touchstart', 'focusin'].forEach(function (type) {
        job.box.addEventListener(type, live, { once: true, passive: true });
      });
      setUpImage(job);
    });
    var started = false;
    var start = function () {
      if (started) return;
      started = true;
      if (!drawPictures()) goLive();
    };
    var watch = function () {
      if (!('IntersectionObserver' in window)) { start(); return; }
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); start(); }
      }, { rootMargin: '100px 0px' });
      charts.jobs.forEach(function (job) { seen.observe(job.box); });
    };
    if (document.readyState === 'complete') watch();
    else window.addEventListener('load', watch);
  }

  // "Save as image": the chart's <button data-chart-image="ID"> draws the
  // same options once more, on a canvas the size of the chart on screen at
  // twice its resolution, and downloads that as ID.png. The picture is a
  // data: URL, which the page's Content-Security-Policy allows for images;
  // no markup or code comes from the options.
  function setUpImage(job) {
    var box = job.box;
    var button = document.querySelector('button[data-chart-image="' + box.id + '"]');
    if (!button) return;
    button.addEventListener('click', function () {
      goLive(function () {
        var a = document.createElement('a');
        a.href = chartImage(box, job.options);
        a.download = box.id + '.png';
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
      });
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

  document.addEventListener('DOMContentLoaded', function () {
    loadCharts();
    setUpFilters();
    setUpSorting();
    setUpPrint();
  });
})();
