/*
 * versi.js: tell the reader of an old version of a report that a newer version exists.
 *
 * A released version is never rebuilt, so its pages cannot say what came after them. Instead every version page
 * loads this script (its own copy, inside the version folder) and the script reads laporan/<slug>/versi.json, which
 * every build rewrites at that stable address. When the newest version listed there is not this one, it shows a
 * notice at the top of the page with links to the newest version and to its "Perubahan" page. Without JavaScript
 * (or opened from disk, where fetch is refused) nothing happens: the report's landing page names the newest version.
 *
 * Markup (written by the site generator, URLs relative to the page so the site works under any base path):
 *   <script src="../aset/js/versi.js" data-versi="1.0" data-versi-json="../../versi.json" defer></script>
 *
 * No inline script and no HTML from the JSON is inserted as markup (text nodes only), so a strict
 * Content-Security-Policy (script-src 'self') allows it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.URL) {
    return;
  }
  var own = script.getAttribute("data-versi");
  var source;
  try {
    source = new URL(script.getAttribute("data-versi-json"), document.baseURI);
  } catch (e) {
    return;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(newest) {
    var main = document.getElementById("isi");
    if (!main || document.querySelector(".versi-baru")) {
      return;
    }
    var box = document.createElement("div");
    box.className = "versi-baru";
    box.setAttribute("role", "note");
    var p = document.createElement("p");
    p.appendChild(document.createTextNode("Anda membaca versi " + own + ". Sudah terbit versi yang lebih baru: versi " +
      newest.versi + " (" + newest.tanggal_terbit_teks + "). "));
    p.appendChild(link(new URL(newest.url, source).href, "Baca versi " + newest.versi));
    if (newest.perubahan) {
      p.appendChild(document.createTextNode(" · "));
      p.appendChild(link(new URL(newest.perubahan, source).href, "Lihat perubahan di versi " + newest.versi));
    }
    box.appendChild(p);
    main.insertBefore(box, main.firstChild);
  }

  fetch(source.href, { cache: "no-cache" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    })
    .then(function (doc) {
      if (!doc || !doc.terbaru || doc.terbaru === own || !Array.isArray(doc.versi)) {
        return;
      }
      var newest = doc.versi.filter(function (v) { return v.versi === doc.terbaru; })[0];
      if (newest) {
        show(newest);
      }
    })
    .catch(function () { /* offline or opened from disk: the landing page still lists every version */ });
})();
