/* MedSynth gallery index: filter, search and sort the cards rendered in the page.
   Everything it needs is in the HTML (data attributes), so it works from file://.
   Filtering toggles the `hidden` attribute; nothing is re-rendered. The state lives in the
   URL hash (#finding=pleural-effusion&label=positive&q=left) and is saved in sessionStorage
   so image pages can link back to the same view and step through the filtered order. */
(function () {
  "use strict";

  var HASH_KEY = "medsynth.index.hash";
  var ORDER_KEY = "medsynth.index.order";
  var grid = document.getElementById("grid");
  if (!grid) return;

  var form = document.getElementById("toolbar");
  var controls = {
    q: document.getElementById("q"),
    finding: document.getElementById("finding"),
    label: document.getElementById("label"),
    tag: document.getElementById("tag"),
    source: document.getElementById("source"),
    sort: document.getElementById("sort")
  };
  var statusEl = document.getElementById("status");
  var emptyEl = document.getElementById("empty");
  var countButtons = Array.prototype.slice.call(document.querySelectorAll(".finding-counts button"));

  function words(s) { return s ? s.split(/\s+/).filter(Boolean) : []; }
  function text(el, sel) { var n = el.querySelector(sel); return n ? n.textContent.trim() : ""; }

  // Index every card once.
  // Build order is the order of the cards on the page.
  var cards = Array.prototype.map.call(grid.querySelectorAll(".card"), function (el, position) {
    var d = el.dataset;
    var title = text(el, ".card-title");
    var pos = words(d.pos), unc = words(d.unc);
    var firstPos = "";
    // The finding sort key: the first positive chip (in the chips' order), then uncertain ones.
    var chip = el.querySelector(".chip.positive:not([data-slug='no-finding'])") || el.querySelector(".chip.uncertain");
    if (chip) firstPos = (chip.classList.contains("uncertain") ? "~" : "") + chip.textContent.trim().toLowerCase();
    else firstPos = "\uffff";
    return {
      el: el,
      id: el.id,
      title: title,
      pos: pos,
      unc: unc,
      tags: words(d.tags),
      source: d.source || "",
      seed: parseInt(d.seed, 10) || 0,
      order: position,
      findingKey: firstPos,
      haystack: [title, el.id, text(el, ".prompt"), d.source, d.tags].join(" \u0001 ").toLowerCase()
    };
  });

  // Label the finding options with their counts.
  Array.prototype.forEach.call(controls.finding.options, function (o) {
    if (!o.value) return;
    var p = o.dataset.pos || "0", u = o.dataset.unc || "0";
    o.textContent = o.textContent.trim() + " (" + p + (u !== "0" ? " + " + u + "?" : "") + ")";
  });
  countButtons.forEach(function (b) {
    Array.prototype.forEach.call(b.querySelectorAll(".n"), function (n) {
      if (n.textContent.trim() === "0") n.classList.add("zero");
    });
  });

  var state = { q: "", finding: "", label: "", tag: "", source: "", sort: "" };
  var KEYS = ["finding", "label", "tag", "source", "q", "sort"];

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var s = {};
    KEYS.forEach(function (k) { s[k] = params.get(k) || ""; });
    return s;
  }

  function hashOf(s) {
    var params = new URLSearchParams();
    KEYS.forEach(function (k) { if (s[k]) params.set(k, s[k]); });
    var h = params.toString();
    return h ? "#" + h : "";
  }

  function setSelect(sel, value) {
    if (!value) { sel.value = ""; return; }
    var ok = Array.prototype.some.call(sel.options, function (o) {
      if (o.value === value || o.value.toLowerCase() === value.toLowerCase()) { sel.value = o.value; return true; }
      return false;
    });
    if (!ok) sel.value = "";
  }

  function toControls(s) {
    if (controls.q.value !== s.q) controls.q.value = s.q;
    setSelect(controls.finding, s.finding);
    setSelect(controls.label, s.label);
    setSelect(controls.tag, s.tag);
    setSelect(controls.source, s.source);
    setSelect(controls.sort, s.sort);
  }

  function fromControls() {
    return {
      q: controls.q.value.trim(),
      finding: controls.finding.value,
      label: controls.finding.value ? controls.label.value : "",
      tag: controls.tag.value,
      source: controls.source.value,
      sort: controls.sort.value
    };
  }

  var currentSort = null;
  function sortCards(key) {
    if (key === currentSort) return;
    currentSort = key;
    var sorted = cards.slice();
    var byOrder = function (a, b) { return a.order - b.order; };
    var cmp = {
      name: function (a, b) { return a.title.localeCompare(b.title, undefined, { numeric: true }) || byOrder(a, b); },
      finding: function (a, b) { return a.findingKey.localeCompare(b.findingKey) || a.title.localeCompare(b.title, undefined, { numeric: true }) || byOrder(a, b); },
      source: function (a, b) { return a.source.localeCompare(b.source, undefined, { numeric: true }) || byOrder(a, b); },
      seed: function (a, b) { return a.seed - b.seed || byOrder(a, b); }
    }[key] || byOrder;
    sorted.sort(cmp);
    var frag = document.createDocumentFragment();
    sorted.forEach(function (c) { frag.appendChild(c.el); });
    grid.appendChild(frag);
    cards = sorted;
  }

  function matches(c, s, terms) {
    if (s.finding) {
      var inPos = c.pos.indexOf(s.finding) >= 0, inUnc = c.unc.indexOf(s.finding) >= 0;
      if (s.label === "positive" ? !inPos : s.label === "uncertain" ? !inUnc : !(inPos || inUnc)) return false;
    }
    if (s.tag && c.tags.indexOf(s.tag.toLowerCase()) < 0) return false;
    if (s.source && c.source !== s.source) return false;
    for (var i = 0; i < terms.length; i++) if (c.haystack.indexOf(terms[i]) < 0) return false;
    return true;
  }

  function apply(s) {
    state = s;
    sortCards(s.sort);
    var terms = words(s.q.toLowerCase());
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i], show = matches(c, s, terms);
      if (c.el.hidden === show) c.el.hidden = !show;
      if (show) shown++;
    }
    controls.label.disabled = !s.finding;
    countButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.finding === s.finding)); });
    var filtered = !!(s.q || s.finding || s.tag || s.source);
    statusEl.textContent = filtered ? shown + " of " + cards.length + " images" : cards.length + " images";
    emptyEl.hidden = shown > 0 || cards.length === 0;
    var h = hashOf(s);
    if (h !== location.hash && !(h === "" && location.hash === "#")) {
      history.replaceState(null, "", location.pathname + location.search + h);
    }
    save();
  }

  function save() {
    try { sessionStorage.setItem(HASH_KEY, hashOf(state)); } catch (e) { /* storage may be off */ }
  }

  // The visible order, for previous/next on image pages; written when leaving the page.
  function saveOrder() {
    try {
      var list = [];
      for (var i = 0; i < cards.length; i++) if (!cards[i].el.hidden) list.push([cards[i].id, cards[i].title]);
      sessionStorage.setItem(ORDER_KEY, JSON.stringify({ hash: hashOf(state), items: list }));
      save();
    } catch (e) { /* ignore */ }
  }

  var timer = 0;
  controls.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(fromControls()); }, 150);
  });
  ["finding", "label", "tag", "source", "sort"].forEach(function (k) {
    controls[k].addEventListener("change", function () { apply(fromControls()); });
  });
  countButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      controls.finding.value = state.finding === b.dataset.finding ? "" : b.dataset.finding;
      apply(fromControls());
    });
  });
  function clearAll() {
    var s = { q: "", finding: "", label: "", tag: "", source: "", sort: state.sort };
    toControls(s);
    apply(s);
  }
  document.getElementById("clear").addEventListener("click", clearAll);
  emptyEl.querySelector("[data-clear]").addEventListener("click", clearAll);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  window.addEventListener("hashchange", function () {
    var s = readHash();
    if (hashOf(s) === hashOf(state)) return;
    toControls(s);
    apply(s);
  });
  grid.addEventListener("click", function (e) { if (e.target.closest("a")) saveOrder(); });
  grid.addEventListener("auxclick", function (e) { if (e.target.closest("a")) saveOrder(); });
  window.addEventListener("pagehide", saveOrder);

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      controls.q.focus();
      controls.q.select();
    } else if (e.key === "Escape" && t === controls.q) {
      if (controls.q.value) { controls.q.value = ""; apply(fromControls()); } else controls.q.blur();
    }
  });

  // Start from the hash; with none, from the last state of this tab (back from an image page
  // via the browser's own history keeps the hash anyway).
  var initial = readHash();
  if (!location.hash) {
    try {
      var stored = sessionStorage.getItem(HASH_KEY);
      if (stored && /^#/.test(stored) && document.referrer && /\/images\//.test(document.referrer)) {
        initial = (function () { var p = new URLSearchParams(stored.slice(1)), s = {}; KEYS.forEach(function (k) { s[k] = p.get(k) || ""; }); return s; })();
      }
    } catch (e) { /* ignore */ }
  }
  toControls(initial);
  apply(fromControls());

  // On a phone the filters fold away under the search box unless one is in use.
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia && window.matchMedia("(max-width: 600px)").matches &&
      !(state.finding || state.tag || state.source || state.sort)) filters.open = false;
})();
