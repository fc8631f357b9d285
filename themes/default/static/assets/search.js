// gongkai default theme: searches the site in the browser, offline. The
// index, search/index.json, is made when the site is built (a MiniSearch
// index; see generator/internal/searchindex, whose Tokenize is this file's
// tokenize in Go). Chinese has no spaces, so text is cut into pairs of
// characters (bigrams); a query finds the documents holding every pair (or
// character) it has, and when those are few, the best of those holding some.
(function () {
  'use strict';
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;

  // Quotation and title marks inside a phrase (a quoted term inside a
  // phrase, a title in book-title marks) do not break it: they are dropped
  // between Chinese characters.
  var marks = /([\u3400-\u9fff\uf900-\ufaff])[\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009\u00b7]+(?=[\u3400-\u9fff\uf900-\ufaff])/g;

  // tokenize cuts text into lowercase words of letters and digits, and runs
  // of Chinese into bigrams (a single character stays whole).
  function tokenize(text) {
    var out = [];
    var parts = String(text).toLowerCase().replace(marks, '$1').match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9._-]*/g) || [];
    parts.forEach(function (p) {
      if (!han.test(p)) { out.push(p); return; }
      var chars = Array.from(p);
      if (chars.length === 1) { out.push(chars[0]); return; }
      for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    });
    return out;
  }

  // What people look for first: the commitments, then the text; an
  // organisation's name matches many searches in passing. The kinds are
  // named in the site's language, so the page says which name is which
  // (data-boost-commitment, data-boost-organization on the form).
  var boosts = {};

  // Every term of the query must match (find then adds documents holding
  // some of them when those are few). A word of letters and digits also
  // matches as the start of a longer one, so an id is found by its first
  // part (decision-37 finds decision-37-social-workers-per-10k).
  var searchOptions = {
    boost: { title: 2 }, combineWith: 'AND', tokenize: tokenize,
    prefix: function (term) { return !han.test(term); },
    boostDocument: function (id, term, stored) { return boosts[stored && stored.kind] || 1; }
  };

  // fewAll is how few results holding every term of the query are followed
  // by those holding some of them, of which the best maxSome are kept.
  var fewAll = 5, maxSome = 20;

  // find searches for documents holding every term of the query; when they
  // are few, documents holding some of the terms follow, best first. A
  // phrase that skips a character of the text (a four-character term typed
  // without its third character) shares only some pairs with it.
  // Each result says whether it holds every term (all).
  function find(index, query) {
    var results = index.search(query);
    results.forEach(function (r) { r.all = true; });
    if (results.length >= fewAll) return results;
    var seen = {};
    results.forEach(function (r) { seen[r.id] = true; });
    return results.concat(index.search(query, { combineWith: 'OR' }).filter(function (r) { return !seen[r.id]; }).slice(0, maxSome));
  }

  // For pages and tests that search the way this page does.
  window.gongkaiSearch = { tokenize: tokenize, options: searchOptions, find: find };

  // say fills the {placeholders} of one of the page's sentences (the
  // form's data-text-* attributes, from the site's translation table).
  function say(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  // show lists the results; with no query, the status says again what the
  // page said at first (idle: how many things of which kinds it can find).
  // text holds the page's sentences.
  function show(list, status, results, query, idle, text) {
    list.textContent = '';
    if (!query) { status.textContent = idle; return; }
    var all = results.filter(function (r) { return r.all; }).length;
    var found = all ? say(text.textFound, { n: all }) : say(text.textNoneAll, {});
    if (results.length > all) found += say(all ? text.textMore : text.textSome, { n: results.length - all });
    status.textContent = results.length ? say(text.textResult, { q: query, found: found, first: results.length > 50 ? say(text.textFirst, {}) : '' }) : say(text.textNothing, { q: query });
    results.slice(0, 50).forEach(function (r) {
      var li = document.createElement('li');
      var kind = document.createElement('span');
      kind.className = 'badge';
      kind.textContent = r.kind;
      var a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.title;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(' '));
      if (r.in) li.appendChild(document.createTextNode(r.in + ' · '));
      li.appendChild(a);
      if (r.sample) { // sample data says so wherever it shows
        var badge = document.createElement('span');
        badge.className = 'badge badge-warn';
        badge.textContent = r.sample;
        li.appendChild(document.createTextNode(' '));
        li.appendChild(badge);
      }
      if (r.text) { // the start of the text, cut when the index is made
        var p = document.createElement('p');
        p.textContent = r.text;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-index]');
    if (!form || typeof window.MiniSearch === 'undefined') return;
    var input = form.querySelector('input[name="q"]');
    var list = document.getElementById('search-results');
    var status = document.querySelector('.search-status');
    var idle = status.textContent;
    var text = form.dataset;
    if (text.boostCommitment) boosts[text.boostCommitment] = 2;
    if (text.boostOrganization) boosts[text.boostOrganization] = 0.5;
    fetch(form.getAttribute('data-index')).then(function (r) { return r.text(); }).then(function (json) {
      var index = window.MiniSearch.loadJSON(json, {
        fields: ['title', 'text'],
        storeFields: ['kind', 'title', 'text', 'url', 'in', 'sample'],
        tokenize: tokenize,
        searchOptions: searchOptions
      });
      function run() {
        var q = input.value.trim();
        show(list, status, q ? find(index, q) : [], q, idle, text);
        window.history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : window.location.pathname);
      }
      input.value = new URLSearchParams(window.location.search).get('q') || '';
      input.addEventListener('input', run);
      form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
      run();
    });
  });
})();
