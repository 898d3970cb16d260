/* MedSynth image page: deep-zoom viewer (Leaflet, L.CRS.Simple over the google-layout tile
   pyramid), window presets, finding-mask overlays, keyboard navigation and a back link that
   keeps the index's filter. Works from file:// (no fetch, no canvas read-back). */
(function () {
  "use strict";

  var HASH_KEY = "medsynth.index.hash";
  var ORDER_KEY = "medsynth.index.order";
  var body = document.body;
  var currentId = body.dataset.id;

  // ---------- Back link and previous/next that follow the index's filter ----------
  function storage(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }

  var back = document.getElementById("back");
  if (back) {
    var hash = "";
    var ref = document.referrer || "";
    var m = /\/index\.html(#.*)?$/.exec(ref.split("?")[0]);
    if (m && !/\/images\//.test(ref) && m[1]) hash = m[1];
    else hash = storage(HASH_KEY) || "";
    if (hash && hash !== "#") back.setAttribute("href", back.dataset.index + hash);
  }

  (function followFilteredOrder() {
    var raw = storage(ORDER_KEY);
    if (!raw || !currentId) return;
    var order;
    try { order = JSON.parse(raw); } catch (e) { return; }
    if (!order || !order.items || !order.hash) return; // no filter or sort: keep the build order
    var items = order.items, i = -1;
    for (var k = 0; k < items.length; k++) if (items[k][0] === currentId) { i = k; break; }
    if (i < 0) return;
    function relink(id, item, arrow) {
      var old = document.getElementById(id);
      if (!old) return;
      var el;
      if (item) {
        el = document.createElement("a");
        el.href = "../" + encodeURIComponent(item[0]) + "/index.html";
        el.rel = id === "prev" ? "prev" : "next";
        el.title = (id === "prev" ? "Previous" : "Next") + " in your filter: " + item[1] + (id === "prev" ? " (←)" : " (→)");
        el.textContent = id === "prev" ? "← " + item[1] : item[1] + " →";
      } else {
        el = document.createElement("span");
        el.className = "disabled";
        el.setAttribute("aria-disabled", "true");
        el.textContent = id === "prev" ? "← first" : "last →";
      }
      el.id = id;
      old.parentNode.replaceChild(el, old);
    }
    relink("prev", items[i - 1], "←");
    relink("next", items[i + 1], "→");
    var pos = document.createElement("span");
    pos.className = "filter-pos";
    pos.textContent = (i + 1) + " / " + items.length + " in filter";
    pos.style.cssText = "border:0;color:var(--faint);font-size:.8rem;padding:0";
    var nx = document.getElementById("next");
    nx.parentNode.insertBefore(pos, nx.nextSibling);
  })();

  // ---------- Window presets (CSS filters on the tile pane / preview) ----------
  // A window of centre C and width W (fractions of the exported 8-bit range) is
  // brightness(1/(2C)) contrast(2C/W): out = (v - C) / W + 0.5.
  function windowFilter(c, w) {
    return "brightness(" + (1 / (2 * c)).toFixed(4) + ") contrast(" + (2 * c / w).toFixed(4) + ")";
  }
  var PRESETS = {
    "default": "",
    lung: windowFilter(0.35, 0.6),
    bone: windowFilter(0.65, 0.5),
    soft: windowFilter(0.5, 0.45)
  };
  var presetButtons = Array.prototype.slice.call(document.querySelectorAll("[data-preset]"));
  var invertButton = document.getElementById("invert");
  var preset = "default", inverted = false;
  var filterTarget = null; // element whose CSS filter is the window

  function applyFilter() {
    var f = PRESETS[preset] || "";
    if (inverted) f = (f ? f + " " : "") + "invert(1)";
    if (filterTarget) filterTarget.style.filter = f;
    presetButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.preset === preset)); });
    if (invertButton) invertButton.setAttribute("aria-pressed", String(inverted));
    if (typeof saveView === "function" && viewReady) saveView();
  }
  var viewReady = false;
  presetButtons.forEach(function (b) {
    b.addEventListener("click", function () { preset = b.dataset.preset; applyFilter(); });
  });
  if (invertButton) invertButton.addEventListener("click", function () { inverted = !inverted; applyFilter(); });

  // ---------- Mask tints: an SVG filter per colour turns the grey mask into colour + alpha ----------
  var SVGNS = "http://www.w3.org/2000/svg";
  var defs = null;
  function tintFilter(slug, color) {
    if (!defs) {
      var svg = document.createElementNS(SVGNS, "svg");
      svg.setAttribute("width", "0");
      svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      defs = document.createElementNS(SVGNS, "defs");
      svg.appendChild(defs);
      body.appendChild(svg);
    }
    var hex = (color || "#ff0000").replace("#", "");
    if (hex.length === 3) hex = hex.replace(/(.)/g, "$1$1");
    var r = parseInt(hex.slice(0, 2), 16) / 255, g = parseInt(hex.slice(2, 4), 16) / 255, b = parseInt(hex.slice(4, 6), 16) / 255;
    if (isNaN(r + g + b)) { r = 1; g = 0.3; b = 0.3; }
    var id = "tint-" + slug.replace(/[^a-zA-Z0-9_-]/g, "_");
    var filter = document.createElementNS(SVGNS, "filter");
    filter.setAttribute("id", id);
    filter.setAttribute("color-interpolation-filters", "sRGB");
    filter.setAttribute("x", "0"); filter.setAttribute("y", "0");
    filter.setAttribute("width", "1"); filter.setAttribute("height", "1");
    var cm = document.createElementNS(SVGNS, "feColorMatrix");
    cm.setAttribute("type", "matrix");
    // RGB become the finding's colour; alpha is the mask's grey level (255 inside, 0 outside).
    cm.setAttribute("values", [0, 0, 0, 0, r, 0, 0, 0, 0, g, 0, 0, 0, 0, b, 1, 0, 0, 0, 0].join(" "));
    filter.appendChild(cm);
    defs.appendChild(filter);
    return "url(#" + id + ")";
  }

  var maskInputs = Array.prototype.slice.call(document.querySelectorAll("input[data-mask]"));
  var opacityInput = document.getElementById("mask-opacity");
  function maskOpacity() { return opacityInput ? opacityInput.value / 100 : 0.35; }

  // ---------- Viewer ----------
  var viewerEl = document.getElementById("viewer");
  var map = null, bounds = null;
  var masks = {}; // slug -> {show(), hide(), setOpacity()}

  if (viewerEl && window.L) {
    var d = viewerEl.dataset;
    var maxZoom = parseInt(d.maxZoom, 10) || 0;
    var width = parseInt(d.width, 10), height = parseInt(d.height, 10);
    map = L.map(viewerEl, {
      crs: L.CRS.Simple,
      minZoom: -2,
      maxZoom: maxZoom + 2,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      wheelPxPerZoomLevel: 90,
      attributionControl: false,
      keyboard: false, // our own keys: arrows are previous/next, Shift+arrows pan
      bounceAtZoomLimits: false,
      fadeAnimation: false
    });
    bounds = L.latLngBounds(map.unproject([0, height], maxZoom), map.unproject([width, 0], maxZoom));
    L.tileLayer(d.template, {
      tileSize: 256,
      minZoom: -2,
      maxZoom: maxZoom + 2,
      minNativeZoom: 0,
      maxNativeZoom: maxZoom,
      noWrap: true,
      bounds: bounds,
      keepBuffer: 4
    }).addTo(map);
    map.setMinZoom(Math.min(0, Math.floor(map.getBoundsZoom(bounds) * 4) / 4 - 0.5));
    map.fitBounds(bounds, { animate: false });
    map.setMaxBounds(bounds.pad(0.25));
    map.options.maxBoundsViscosity = 0.7;
    filterTarget = map.getPane("tilePane");
    // Refit when the window changes shape, unless the user has zoomed or panned since the last fit.
    // (Deferred: refitting inside Leaflet's own resize handling leaves the tile pane unpainted.)
    var fitted = true, fitZoom = map.getZoom(), resizeTimer = 0;
    map.on("dragstart", function () { fitted = false; });
    map.on("zoomend", function () { if (Math.abs(map.getZoom() - fitZoom) > 0.01) fitted = false; });
    map.on("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { if (fitted) fit(); }, 120);
    });
    maskInputs.forEach(function (input) {
      var slug = input.dataset.slug, layer = null;
      var tint = tintFilter(slug, input.dataset.color);
      masks[slug] = {
        show: function () {
          if (!layer) layer = L.imageOverlay(input.dataset.mask, bounds, { className: "mask-overlay mask-" + slug, interactive: false, opacity: maskOpacity() });
          layer.addTo(map);
          layer.getElement().style.filter = tint;
          layer.setOpacity(maskOpacity());
        },
        hide: function () { if (layer) map.removeLayer(layer); },
        setOpacity: function (o) { if (layer) layer.setOpacity(o); }
      };
    });
  } else {
    // No tiles: the preview image, with the same presets and masks as absolutely placed layers.
    var stack = document.querySelector(".static-stack");
    filterTarget = stack ? stack.querySelector("img.base") : null;
    maskInputs.forEach(function (input) {
      var slug = input.dataset.slug, img = null;
      var tint = tintFilter(slug, input.dataset.color);
      masks[slug] = {
        show: function () {
          if (!img) {
            img = document.createElement("img");
            img.className = "mask-overlay";
            img.alt = "";
            img.src = input.dataset.mask;
            img.style.filter = tint;
            stack.appendChild(img);
          }
          img.style.opacity = maskOpacity();
          img.hidden = false;
        },
        hide: function () { if (img) img.hidden = true; },
        setOpacity: function (o) { if (img) img.style.opacity = o; }
      };
    });
  }
  applyFilter();

  function syncMask(input) {
    var m = masks[input.dataset.slug];
    if (m) { if (input.checked) m.show(); else m.hide(); }
  }
  maskInputs.forEach(function (input) {
    input.checked = false;
    input.addEventListener("change", function () { syncMask(input); saveView(); });
  });
  if (opacityInput) opacityInput.addEventListener("input", function () {
    var o = maskOpacity();
    Object.keys(masks).forEach(function (k) { masks[k].setOpacity(o); });
    saveView();
  });

  // ---------- View settings carry over to the next image (sessionStorage) or come from the hash ----------
  // #w=lung&inv=1&masks=all|edema,pleural-effusion&opacity=60
  var VIEW_KEY = "medsynth.viewer";
  function saveView() {
    var on = maskInputs.filter(function (i) { return i.checked; }).map(function (i) { return i.dataset.slug; });
    try {
      sessionStorage.setItem(VIEW_KEY, JSON.stringify({
        w: preset, inv: inverted, masks: on.length && on.length === maskInputs.length ? "all" : on.join(","),
        opacity: opacityInput ? opacityInput.value : ""
      }));
    } catch (e) { /* ignore */ }
  }
  (function restoreView() {
    var v = null;
    if (location.hash.length > 1) {
      var p = new URLSearchParams(location.hash.slice(1));
      v = { w: p.get("w") || "default", inv: p.get("inv") === "1", masks: p.get("masks") || "", opacity: p.get("opacity") || "" };
    } else {
      try { v = JSON.parse(storage(VIEW_KEY) || "null"); } catch (e) { v = null; }
    }
    if (!v) return;
    if (PRESETS.hasOwnProperty(v.w)) preset = v.w;
    inverted = !!v.inv;
    applyFilter();
    if (opacityInput && v.opacity) opacityInput.value = v.opacity;
    var want = v.masks === "all" ? null : String(v.masks || "").split(",");
    maskInputs.forEach(function (i) {
      i.checked = want === null ? true : want.indexOf(i.dataset.slug) >= 0;
      syncMask(i);
    });
  })();
  viewReady = true;

  var fitButton = document.getElementById("fit");
  function fit() {
    if (!map) return;
    map.setMinZoom(Math.min(0, Math.floor(map.getBoundsZoom(bounds) * 4) / 4 - 0.5));
    map.fitBounds(bounds, { animate: false });
    fitZoom = map.getZoom();
    fitted = true;
  }
  if (fitButton) fitButton.addEventListener("click", fit);
  if (!map && fitButton) fitButton.hidden = true;

  // ---------- Checksums: select on click ----------
  Array.prototype.forEach.call(document.querySelectorAll(".files .sha code"), function (code) {
    code.tabIndex = 0;
    code.addEventListener("focus", function () {
      var sel = window.getSelection(), range = document.createRange();
      range.selectNodeContents(code);
      sel.removeAllRanges();
      sel.addRange(range);
    });
  });

  // ---------- Keyboard ----------
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable ||
      (t.tagName === "INPUT" && t.type !== "checkbox"))) return;
    var key = e.key;
    if (e.shiftKey && map && /^Arrow/.test(key)) {
      var step = 120;
      var delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
      map.panBy(delta);
      e.preventDefault();
      return;
    }
    if (key === "ArrowLeft" || key === "ArrowRight") {
      var link = document.getElementById(key === "ArrowLeft" ? "prev" : "next");
      if (link && link.tagName === "A") { e.preventDefault(); link.click(); }
      return;
    }
    if (map && (key === "+" || key === "=")) { map.zoomIn(); e.preventDefault(); return; }
    if (map && (key === "-" || key === "_")) { map.zoomOut(); e.preventDefault(); return; }
    if (key === "0" || key === "f" || key === "F") { fit(); return; }
    var presetKeys = { "1": "default", "2": "lung", "3": "bone", "4": "soft" };
    if (presetKeys[key]) { preset = presetKeys[key]; applyFilter(); return; }
    if (key === "i" || key === "I") { inverted = !inverted; applyFilter(); return; }
    if ((key === "m" || key === "M") && maskInputs.length) {
      var any = maskInputs.some(function (i) { return i.checked; });
      maskInputs.forEach(function (i) { i.checked = !any; syncMask(i); });
      saveView();
    }
  });

  // A link back to the index also remembers nothing new: the index saves its own state.
})();
