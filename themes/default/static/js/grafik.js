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
 *   <script src="/aset/js/grafik.js" data-vega-bundle="/aset/vega/vega-bundle.<hash>.js" defer></script>
 *
 * The Vega bundle (vega + vega-lite + vega-embed + vega-interpreter, a local file, never a CDN) is loaded only on pages
 * that contain a chart. Number and date formats come from the spec (config.locale and
 * usermeta.embedOptions), so the interactive chart formats numbers exactly like the static one.
 */
(function () {
  "use strict";

  var self = document.currentScript;
  var bundleUrl = self && self.getAttribute("data-vega-bundle");

  function figures() {
    return Array.prototype.slice.call(document.querySelectorAll("figure.grafik"));
  }

  // The same breakpoint as site.css: below it the page shows the phone layout of each chart, and the
  // interactive chart uses the phone layout's spec, so both look the same.
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 49.99rem)") : null;

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

  function upgrade(figure) {
    var holder = figure.querySelector(".grafik-svg");
    var spec = readSpec(figure);
    if (!holder || !spec) return;
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
    window.vegaEmbed(target, spec, options).then(
      function (result) {
        // The static SVGs (both layouts) give way to the interactive chart; a previous one is finalized.
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
      },
      function () {
        // Keep the static SVG: it shows the same chart.
        if (target.parentNode) target.parentNode.removeChild(target);
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

  function upgradeAll() {
    if (typeof window.vegaEmbed !== "function" || !window.vegaExpressionInterpreter) return;
    tooltipHost();
    escapeHidesTooltip();
    figures().forEach(upgrade);
    // Turning a phone or resizing a window across the breakpoint redraws each chart in the other layout.
    if (NARROW && NARROW.addEventListener) {
      NARROW.addEventListener("change", function () { figures().forEach(upgrade); });
    }
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

  // A reader whose browser asks to save data (Save-Data, "Hemat data"), or whose connection is 2G, keeps the static
  // charts: they show the same chart, data table included, and the interactive one costs the Vega bundle (930 KB,
  // once per report version, as each version carries its own assets) for its tooltips.
  function savingData() {
    var connection = navigator.connection;
    return !!connection && (connection.saveData === true || /(^|-)2g$/.test(connection.effectiveType || ""));
  }

  function start() {
    if (!figures().length || savingData()) return;
    if (typeof window.vegaEmbed === "function") {
      whenFontsReady(upgradeAll);
      return;
    }
    if (!bundleUrl) return;
    var script = document.createElement("script");
    script.src = bundleUrl;
    script.async = true;
    script.onload = function () { whenFontsReady(upgradeAll); };
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
