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

  // fewAll is how few results holding every term of the query, rosters
  // left aside, are followed by those holding some of them, of which the
  // best maxSome are kept.
  var fewAll = 5, maxSome = 20;

  // synonyms: an abbreviation → the words texts write it as (dibao, the
  // subsistence allowance → its full name): the translation table's search.abbreviations and the
  // site's own (site.toml [search] synonyms), the form's data-synonyms.
  var synonyms = {};

  // addSynonyms adds a table of abbreviations to into, lowercased; a key
  // both have gets the words of both.
  function addSynonyms(into, table) {
    Object.keys(table || {}).forEach(function (k) {
      var words = table[k];
      if (!Array.isArray(words)) return;
      var key = String(k).toLowerCase().trim();
      if (!key) return;
      var have = into[key] = into[key] || [];
      words.forEach(function (w) {
        w = String(w).toLowerCase().trim();
        if (w && have.indexOf(w) < 0) have.push(w);
      });
    });
    return into;
  }

  // parsed is the JSON of one of the form's data attributes, or {}.
  function parsed(json) {
    try { return JSON.parse(json || '{}') || {}; } catch (e) { return {}; }
  }

  // variants is the query and, for each abbreviation it holds, the query
  // with it written as each of its words (one abbreviation at a time; a
  // word the query already holds is not added again).
  function variants(query, table) {
    var q = String(query).toLowerCase(), out = [query];
    Object.keys(table).sort().forEach(function (k) {
      if (q.indexOf(k) < 0) return;
      table[k].forEach(function (w) {
        if (q.indexOf(w) >= 0) return;
        var v = q.split(k).join(w);
        if (out.indexOf(v) < 0) out.push(v);
      });
    });
    return out;
  }

  // writtenOut weighs what a written-out abbreviation finds against what
  // the query as typed finds. Measured on TestSearchTokenizations' searches:
  // at 1 the commitments whose titles write out "social work talent" push
  // the one about social workers down to 22nd, at 0.5 to 8th, at 0.3 it is
  // first; "social insurance" abbreviated still finds its clause first.
  var writtenOut = 0.3;

  // terms is how many distinct terms a query has.
  function terms(q) {
    var seen = {};
    tokenize(q).forEach(function (t) { seen[t] = true; });
    return Object.keys(seen).length || 1;
  }

  // collect runs the searches of qs and merges their results: one per
  // document, with every term matched and the score of the query as typed
  // (the first) where it finds the document, else the best of the
  // written-out forms'. A score is a sum over the query's terms, so a
  // written-out form's is scaled to the terms of the query as typed
  // (a written-out form of five pairs does not outrank the abbreviation's
  // one for being longer)
  // and weighed by writtenOut: it is a guess at what the reader meant.
  function collect(index, qs, options) {
    var byId = {}, out = [], n = terms(qs[0]);
    qs.forEach(function (q, i) {
      var scale = i ? writtenOut * n / terms(q) : 1;
      index.search(q, options).forEach(function (r) {
        r.score *= scale;
        r.typed = i === 0;
        var seen = byId[r.id];
        if (!seen) { byId[r.id] = r; r.terms = r.terms.slice(); out.push(r); return; }
        if (!seen.typed && r.score > seen.score) seen.score = r.score;
        r.terms.forEach(function (t) { if (seen.terms.indexOf(t) < 0) seen.terms.push(t); });
      });
    });
    return out.sort(function (a, b) { return b.score - a.score; });
  }

  // find searches for documents holding every term of the query, or of the
  // query with an abbreviation written out (see synonyms); when those,
  // rosters left aside, are few, documents holding some of the query's
  // terms follow, best first (a phrase that skips a character of the text, a
  // four-character term typed without its third character, shares only
  // some pairs with it). Clauses, commitments and datasets come first and
  // the rows of rosters (organisations, …) after them, each part in that
  // order. Each result says whether it holds every term (all) and whether
  // it is a roster's row (roster); table, when given, replaces the page's
  // synonyms.
  function find(index, query, table) {
    var qs = variants(query, table || synonyms);
    var results = collect(index, qs);
    var seen = {};
    results.forEach(function (r) { r.all = true; seen[r.id] = true; });
    if (results.filter(function (r) { return !r.roster; }).length < fewAll) {
      // Only the query as typed: a written-out abbreviation's pairs one by
      // one (its last pair alone) find what it is not about.
      // Among them, those holding the query with a character skipped come
      // first (a four-character term typed without its second character).
      var some = collect(index, [query], { combineWith: 'OR' }).filter(function (r) {
        if (seen[r.id]) return false;
        r.all = false;
        r.near = near(query, r.title) || near(query, r.text);
        return true;
      });
      some.sort(function (a, b) { return b.near - a.near; });
      results = results.concat(some.slice(0, maxSome));
    }
    return results.filter(function (r) { return !r.roster; }).concat(results.filter(function (r) { return r.roster; }));
  }

  // near reports whether text holds the characters of query in order with at
  // most one other character between two of them.
  function near(query, text) {
    var chars = Array.from(query.replace(/\s+/g, '').toLowerCase());
    if (chars.length < 2 || !text) return false;
    return new RegExp(chars.map(function (c) { return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('[^]?')).test(String(text).toLowerCase());
  }

  // markRanges are the parts of text that a result's matched terms cover, as
  // [start, end) pairs of string indexes in order: overlapping pairs of
  // characters join, so a phrase is one mark.
  function markRanges(text, terms) {
    var lower = text.toLowerCase();
    if (lower.length !== text.length) return []; // lowercasing moved the letters: mark nothing rather than the wrong ones
    var covered = new Array(text.length);
    (terms || []).forEach(function (t) {
      if (!t) return;
      for (var i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
        for (var j = i; j < i + t.length; j++) covered[j] = true;
      }
    });
    var out = [];
    for (var i = 0; i < text.length; i++) {
      if (!covered[i]) continue;
      var j = i;
      while (j < text.length && covered[j]) j++;
      out.push([i, j]);
      i = j;
    }
    return out;
  }

  // snippetLength is how many characters of a result's text are shown,
  // and lead how many of them come before its first mark.
  var snippetLength = 120, lead = 30;

  // appendMarked appends text[from, to) to parent as text nodes, the parts
  // that ranges cover in <mark> (never as markup: the text is the site's data).
  function appendMarked(parent, text, ranges, from, to) {
    var at = from;
    ranges.forEach(function (m) {
      var s = Math.max(m[0], from), e = Math.min(m[1], to);
      if (e <= s) return;
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(s, e);
      parent.appendChild(mark);
      at = e;
    });
    if (to > at) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // snippet appends the part of text around its longest mark (the first
  // of those as long: the whole phrase rather than a pair of it) to parent:
  // snippetLength characters, … where it is cut.
  function snippet(parent, text, terms) {
    var ranges = markRanges(text, terms);
    var best = null;
    ranges.forEach(function (m) { if (!best || m[1] - m[0] > best[1] - best[0]) best = m; });
    var from = best ? Math.max(0, best[0] - lead) : 0;
    var to = Math.min(text.length, from + snippetLength);
    if (to - from < snippetLength) from = Math.max(0, to - snippetLength);
    if (/[\udc00-\udfff]/.test(text.charAt(from))) from++; // never half a character
    if (/[\ud800-\udbff]/.test(text.charAt(to - 1))) to--;
    if (from > 0) parent.appendChild(document.createTextNode('…'));
    appendMarked(parent, text, ranges, from, to);
    if (to < text.length && text.slice(to) !== '…') parent.appendChild(document.createTextNode('…'));
  }

  // For pages and tests that search the way this page does; ready is
  // settled when the page has loaded its index and synonyms.
  window.gongkaiSearch = { tokenize: tokenize, options: searchOptions, find: find, variants: variants, marks: markRanges, synonyms: synonyms };

  // say fills the {placeholders} of one of the page's sentences (the
  // form's data-text-* attributes, from the site's translation table).
  function say(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  // pageSize is how many results are shown at first, and added by each
  // "more" button, in the main list and in each folded roster.
  var pageSize = 50;

  // item is the list item of one result: its kind, document, title and
  // text, the matched terms marked, and the sample badge of sample data.
  function item(r) {
    var li = document.createElement('li');
    var kind = document.createElement('span');
    kind.className = 'badge';
    kind.textContent = r.kind;
    var a = document.createElement('a');
    a.href = r.url;
    appendMarked(a, String(r.title), markRanges(String(r.title), r.terms), 0, String(r.title).length);
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
    if (r.text) {
      var p = document.createElement('p');
      snippet(p, String(r.text), r.terms);
      li.appendChild(p);
    }
    return li;
  }

  // paged fills list with results, pageSize at a time: a button after the
  // list shows the next ones (and takes the reader to the first of them)
  // until every result is shown.
  function paged(list, results, text) {
    var shown = 0;
    var more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    function next(focus) {
      var first = null;
      results.slice(shown, shown + pageSize).forEach(function (r) {
        var li = item(r);
        list.appendChild(li);
        first = first || li;
      });
      shown = Math.min(results.length, shown + pageSize);
      var left = results.length - shown;
      if (left > 0) more.textContent = say(text.textShowMore, { n: Math.min(left, pageSize), left: left });
      else if (more.parentNode) more.parentNode.removeChild(more);
      if (focus && first) first.querySelector('a').focus();
    }
    more.addEventListener('click', function () { next(true); });
    next(false);
    return results.length > shown ? more : null;
  }

  // show lists the results: clauses, commitments and datasets in the page's
  // list, then each roster's rows folded under a line saying how many (open
  // when nothing else was found). With no query, the status says again what
  // the page said at first (idle: how many things of which kinds it can
  // find). text holds the page's sentences; qs is the query and the
  // variants searched with it.
  function show(list, rosters, status, results, qs, idle, text) {
    var query = qs[0];
    list.textContent = '';
    rosters.textContent = '';
    var old = list.nextElementSibling; // the last query's "more" button
    if (old && old.classList.contains('search-more')) old.parentNode.removeChild(old);
    if (!query) { status.textContent = idle; return; }
    var all = results.filter(function (r) { return r.all; }).length;
    var found = all ? say(text.textFound, { n: all }) : say(text.textNoneAll, {});
    if (results.length > all) found += say(all ? text.textMore : text.textSome, { n: results.length - all });
    var also = qs.slice(1).map(function (q) { return say(text.textQuoted, { q: q }); }).join(text.textListSep || '、');
    status.textContent = results.length ? say(text.textResult, { q: query, found: found, also: also ? say(text.textSynonyms, { words: also }) : '' }) : say(text.textNothing, { q: query });
    var main = results.filter(function (r) { return !r.roster; });
    var more = paged(list, main, text);
    if (more) list.parentNode.insertBefore(more, list.nextSibling);
    var kinds = [], byKind = {};
    results.forEach(function (r) {
      if (!r.roster) return;
      if (!byKind[r.kind]) { byKind[r.kind] = []; kinds.push(r.kind); }
      byKind[r.kind].push(r);
    });
    kinds.forEach(function (k) {
      var rows = byKind[k];
      var fold = document.createElement('details');
      fold.className = 'search-fold';
      fold.open = main.length === 0;
      var summary = document.createElement('summary');
      summary.textContent = say(text.folds[k] || '{kind}: {n}', { n: rows.length, kind: k });
      fold.appendChild(summary);
      var ol = document.createElement('ol');
      ol.className = 'search-results';
      fold.appendChild(ol);
      var more = paged(ol, rows, text);
      if (more) fold.appendChild(more);
      rosters.appendChild(fold);
    });
  }

  window.gongkaiSearch.ready = new Promise(function (resolve) {
    document.addEventListener('DOMContentLoaded', function () {
      var form = document.querySelector('form[data-index]');
      if (!form || typeof window.MiniSearch === 'undefined') return;
      var input = form.querySelector('input[name="q"]');
      var list = document.getElementById('search-results');
      var rosters = document.getElementById('search-rosters');
      var status = document.querySelector('.search-status');
      var idle = status.textContent;
      var text = {}; // the page's sentences, and the roster kinds' fold lines
      Object.keys(form.dataset).forEach(function (k) { text[k] = form.dataset[k]; });
      if (text.boostCommitment) boosts[text.boostCommitment] = 2;
      if (text.boostOrganization) boosts[text.boostOrganization] = 0.5;
      text.folds = parsed(form.dataset.folds);
      addSynonyms(synonyms, parsed(form.dataset.synonyms));
      fetch(form.getAttribute('data-index')).then(function (r) { return r.text(); }).then(function (json) {
        var index = window.MiniSearch.loadJSON(json, {
          fields: ['title', 'text'],
          storeFields: ['kind', 'title', 'text', 'url', 'in', 'sample', 'roster'],
          tokenize: tokenize,
          searchOptions: searchOptions
        });
        function run() {
          var q = input.value.trim();
          var qs = q ? variants(q, synonyms) : [''];
          show(list, rosters, status, q ? find(index, q) : [], qs, idle, text);
          window.history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : window.location.pathname);
        }
        input.value = new URLSearchParams(window.location.search).get('q') || '';
        input.addEventListener('input', run);
        form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
        run();
        resolve();
      });
    });
  });
})();
