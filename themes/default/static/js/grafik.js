/*
 * grafik.js: upgrade static chart SVGs to interactive charts (tooltips) when JavaScript is on.
 *
 * Every chart is already readable without JavaScript: the page holds the SVG rendered at build time,
 * a text summary and the data table. This script only adds interaction, so any failure leaves the
 * static chart in place (and logs nothing, so pages stay free of console errors).
 *
 * Markup (written by the site generator):
 *   <figure class="grafik">
 *     <div class="grafik-svg"><svg>...</svg></div>
 *     <script type="application/json" class="grafik-spec">{ Vega-Lite spec }</script> ...
 *   </figure>
 *   <script src="/aset/js/grafik.js" data-vega-bundle="/aset/vega/vega-bundle.<hash>.js" data-vega-kb="905" defer>
 *
 * The Vega bundle (vega + vega-lite + vega-embed + vega-interpreter, a local file, never a CDN) is loaded only on pages
 * that contain a chart, and on a phone or a metered or slow connection only when the reader asks for it (a button
 * under each chart). Number and date formats come from the spec (config.locale and
 * usermeta.embedOptions), so the interactive chart formats numbers exactly like the static one.
 */
(function () {
  "use strict";

  var self = document.currentScript;
  var bundleUrl = self && self.getAttribute("data-vega-bundle");
  var bundleKb = parseInt((self && self.getAttribute("data-vega-kb")) || "", 10);

  function figures() {
    return Array.prototype.slice.call(document.querySelectorAll("figure.grafik"));
  }

  // The same breakpoint as site.css: below it the page shows the phone layout of each chart, and the
  // interactive chart uses the phone layout's spec, so both look the same.
  // "screen": an A4 page is narrower than the breakpoint, and printing a chapter page redrew its charts in the phone
  // layout; on paper a chart keeps the wide layout (cetak.css shows the static one the same way).
  var NARROW = window.matchMedia ? window.matchMedia("screen and (max-width: 49.99rem)") : null;

  function readSpec(figure) {
    var narrow = NARROW && NARROW.matches;
    var node = (narrow && figure.querySelector('script.grafik-spec-sempit[type="application/json"]')) ||
      figure.querySelector('script.grafik-spec[type="application/json"]');
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (e) {
      return null;
    }
  }

  // Vega names the parts of a chart for screen readers in English: the chart "visualization", each group of marks
  // "group mark container", "rect mark container" and so on (the marks themselves are named in the spec: "batang",
  // "titik"). A reader of these Indonesian pages heard those words while moving through a chart. The chart is named
  // "grafik"; a group keeps its role, which the screen reader names in its own language. vega-embed's form for
  // bindings (the charts bind nothing) is empty, and was exposed as a form.
  function speakIndonesian(target) {
    if (target.getAttribute("aria-roledescription") === "visualization") {
      target.setAttribute("aria-roledescription", "grafik");
    }
    Array.prototype.forEach.call(target.querySelectorAll('[aria-roledescription$=" mark container"]'), function (node) {
      node.removeAttribute("aria-roledescription");
    });
    Array.prototype.forEach.call(target.querySelectorAll("form.vega-bindings"), function (form) {
      if (!form.children.length) form.parentNode.removeChild(form);
    });
  }

  // The static SVG draws the bars of a second or later series with a pattern over their colour (told apart in grey
  // print and without seeing colours); the spec names it url(#lkjip-pola-…) followed by the colour. Its pattern
  // (data-pola keeps that name; the static SVG's ids are its own) is copied once into a hidden SVG of the page, so the
  // interactive chart draws the same patterns; without it the interactive chart would fall back to the plain colour.
  var SVG_NS = "http://www.w3.org/2000/svg";
  function keepPatterns(holder) {
    var patterns = holder.querySelectorAll("pattern[data-pola]");
    if (!patterns.length) return;
    var defs = document.getElementById("grafik-pola");
    if (!defs) {
      var host = document.createElementNS(SVG_NS, "svg");
      host.setAttribute("width", "0");
      host.setAttribute("height", "0");
      host.setAttribute("aria-hidden", "true");
      host.setAttribute("focusable", "false");
      host.style.position = "absolute";
      defs = document.createElementNS(SVG_NS, "defs");
      defs.id = "grafik-pola";
      host.appendChild(defs);
      (document.querySelector("main") || document.body).appendChild(host);
    }
    Array.prototype.forEach.call(patterns, function (pattern) {
      var name = pattern.getAttribute("data-pola");
      if (document.getElementById(name)) return;
      var copy = pattern.cloneNode(true);
      copy.setAttribute("id", name);
      copy.removeAttribute("data-pola");
      defs.appendChild(copy);
    });
  }

  // Resolves with the interactive chart's element, or null when the static chart stays.
  function upgrade(figure) {
    var holder = figure.querySelector(".grafik-svg");
    var spec = readSpec(figure);
    if (!holder || !spec) return Promise.resolve(null);
    var previous = holder.querySelector(".grafik-vega");
    var target = document.createElement("div");
    target.className = "grafik-vega";
    target.style.display = "none";
    holder.appendChild(target);
    // Under the site's Content-Security-Policy (no eval, no inline styles): expressions run in the local
    // interpreter (vega-interpreter, bundled), and the embed/tooltip styles come from site.css.
    var options = {
      actions: false,
      renderer: "svg",
      ast: true,
      expr: window.vegaExpressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true, theme: "light" }
    };
    return window.vegaEmbed(target, spec, options).then(
      function (result) {
        // The static SVGs (both layouts) give way to the interactive chart; a previous one is finalized.
        keepPatterns(holder);
        Array.prototype.forEach.call(holder.querySelectorAll(".grafik-lebar, .grafik-sempit, :scope > svg"),
          function (node) { node.parentNode.removeChild(node); });
        if (previous && previous.parentNode) {
          if (previous.vegaView) previous.vegaView.finalize();
          previous.parentNode.removeChild(previous);
        }
        target.vegaView = result.view;
        speakIndonesian(target);
        target.style.display = "";
        figure.classList.add("grafik-interaktif");
        return target;
      },
      function () {
        // Keep the static SVG: it shows the same chart.
        if (target.parentNode) target.parentNode.removeChild(target);
        return null;
      }
    );
  }

  // vega-tooltip reuses an element with this id when one exists; creating it inside <main> keeps
  // all page content within landmarks (axe "region"), while its CSS (position: fixed) still applies.
  function tooltipHost() {
    if (document.getElementById("vg-tooltip-element")) return;
    var el = document.createElement("div");
    el.id = "vg-tooltip-element";
    el.className = "vg-tooltip";
    el.setAttribute("role", "tooltip");
    (document.querySelector("main") || document.body).appendChild(el);
  }

  // A tooltip covers part of the chart, and on a magnified screen much of what is in view: Escape hides it without
  // moving the pointer (WCAG 1.4.13); it shows again when the pointer moves on a mark. It stayed until the pointer left.
  function escapeHidesTooltip() {
    document.addEventListener("keydown", function (event) {
      var tip = document.getElementById("vg-tooltip-element");
      if (event.key === "Escape" && tip) tip.classList.remove("visible");
    });
  }

  // Upgrades every chart of the page; resolves with the interactive chart of each figure (null where one stays static).
  function upgradeAll() {
    if (typeof window.vegaEmbed !== "function" || !window.vegaExpressionInterpreter) return Promise.resolve([]);
    tooltipHost();
    escapeHidesTooltip();
    // Turning a phone or resizing a window across the breakpoint redraws each chart in the other layout.
    if (NARROW && NARROW.addEventListener) {
      NARROW.addEventListener("change", function () { figures().forEach(upgrade); });
    }
    return Promise.all(figures().map(upgrade));
  }

  // Vega measures label widths when it draws; measuring before the theme's web font has loaded gives
  // fallback-font widths and clipped labels once the real font appears.
  function whenFontsReady(callback) {
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(callback, callback);
    } else {
      callback();
    }
  }

  // The interactive chart costs the Vega bundle (some 900 KB, 320 KB compressed; again for every report version, as
  // each version carries its own assets: a version folder must work when copied alone) and, on a cheap phone, seconds
  // of parsing, all for tooltips: the static chart shows the same, its data table the numbers. So it is loaded at
  // once only on a wide screen with no sign of a metered or slow connection; a phone reader, or one whose browser
  // saves data ("Hemat data"), whose connection is cellular or 3G and slower, gets a button under each chart.
  // (navigator.connection is Chromium's, the browser of most Android phones; the others are judged by screen width.)
  function onRequest() {
    var connection = navigator.connection;
    var metered = !!connection && (connection.saveData === true || connection.type === "cellular" ||
      /(^|-)[23]g$/.test(connection.effectiveType || ""));
    return metered || !!(NARROW && NARROW.matches);
  }

  var loading = null;

  function loadBundle() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.async = true;
        script.onload = function () { whenFontsReady(resolve); };
        script.onerror = function () {
          // offline, say: the button offers to try again
          if (script.parentNode) script.parentNode.removeChild(script);
          loading = null;
          reject(new Error("vega"));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  var ASK = "Tampilkan grafik interaktif" + (bundleKb > 0 ? " (unduh \u00b1 " + bundleKb + " KB)" : "");

  // The button that loads the interactive charts of the page; the one pressed gives the keyboard focus to its chart,
  // since the button itself goes away.
  function offer() {
    var offers = figures().filter(function (figure) { return figure.querySelector(".grafik-svg"); }).map(function (figure) {
      var wrap = document.createElement("p");
      wrap.className = "grafik-tawar";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "grafik-tombol";
      button.textContent = ASK;
      wrap.appendChild(button);
      var holder = figure.querySelector(".grafik-svg");
      holder.parentNode.insertBefore(wrap, holder.nextSibling);
      button.addEventListener("click", function () { ask(figure, button); });
      return wrap;
    });

    function ask(figure, button) {
      if (button.getAttribute("aria-disabled") === "true") return;
      offers.forEach(function (wrap) {
        var other = wrap.querySelector("button");
        other.setAttribute("aria-disabled", "true");
        other.textContent = "Memuat grafik interaktif\u2026";
      });
      loadBundle().then(upgradeAll).then(function (targets) {
        var mine = targets[figures().indexOf(figure)] || figure.querySelector(".grafik-svg");
        mine.setAttribute("tabindex", "-1");
        mine.focus();
        offers.forEach(function (wrap) { if (wrap.parentNode) wrap.parentNode.removeChild(wrap); });
      }, function () {
        offers.forEach(function (wrap) {
          var other = wrap.querySelector("button");
          other.removeAttribute("aria-disabled");
          other.textContent = "Gagal memuat grafik interaktif; coba lagi";
        });
      });
    }
  }

  function start() {
    if (!figures().length) return;
    if (typeof window.vegaEmbed === "function") {
      whenFontsReady(upgradeAll);
      return;
    }
    if (!bundleUrl) return;
    if (onRequest()) {
      offer();
      return;
    }
    loadBundle().then(upgradeAll, function () { /* the static charts stay */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
