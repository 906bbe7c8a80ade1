/*
 * versi.js: tell the reader of an old version of a report that a newer version exists.
 *
 * A released version is never rebuilt, so its pages cannot say what came after them. Instead every version page
 * loads this script (its own copy, inside the version folder) and the script reads laporan/<slug>/versi.json, which
 * every build rewrites at that stable address. When the newest version listed there is not this one, it shows a
 * notice at the top of the page with links to the newest version and to its "Perubahan" page. Without JavaScript
 * nothing happens: the report's landing page names the newest version.
 *
 * Opened from disk (file://, e.g. the version folder handed to an archives office), fetch is refused, a link to a
 * folder ("bab-1/") showed the folder's file list instead of its page, and a link out of the version (the portal's
 * home, search, comparison) found no file. There the script points links within the version at their index.html;
 * out of the version, at the page's web address (from its canonical link) when the version folder stands alone
 * (not below laporan/<slug>/<versi>/ of a copied portal); and it says at the top that whether a newer version exists
 * cannot be checked from disk, with a link to the list of versions.
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
  if (location.protocol === "file:") {
    fromDisk();
    return;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(newest) {
    var said = ["Anda membaca versi " + own + ". Sudah terbit versi yang lebih baru: versi " + newest.versi + " (" +
      newest.tanggal_terbit_teks + "). ", link(new URL(newest.url, source).href, "Baca versi " + newest.versi)];
    if (newest.perubahan) {
      said.push(" · ", link(new URL(newest.perubahan, source).href, "Lihat perubahan di versi " + newest.versi));
    }
    note(said, "versi-baru");
  }

  function note(parts, className) {
    var main = document.getElementById("isi");
    if (!main || document.querySelector(".versi-baru")) {
      return;
    }
    var box = document.createElement("div");
    box.className = className;
    box.setAttribute("role", "note");
    var p = document.createElement("p");
    parts.forEach(function (part) {
      p.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    box.appendChild(p);
    main.insertBefore(box, main.firstChild);
  }

  function fromDisk() {
    var root = new URL("../../", script.src);  // the script is <version>/aset/js/versi.js
    var parts = root.pathname.split("/");  // [..., "laporan", slug, versi, ""] in a copied portal
    var inPortal = parts[parts.length - 2] === own && parts[parts.length - 4] === "laporan";
    var canonical = document.querySelector('link[rel="canonical"]');
    var web = canonical ? canonical.href : "";
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      var written = a.getAttribute("href");
      var target;
      try {
        target = new URL(written, document.baseURI);
      } catch (e) {
        return;
      }
      if (target.protocol !== "file:" || written.charAt(0) === "#") {
        return;
      }
      if (inPortal || target.href.indexOf(root.href) === 0) {
        if (target.pathname.charAt(target.pathname.length - 1) === "/") {
          target.pathname += "index.html";
          a.href = target.href;
        }
      } else if (web) {
        a.href = new URL(written, web).href;
      }
    });
    var list = inPortal ? new URL("index.html", source) : (web ? new URL("./", new URL(
      script.getAttribute("data-versi-json"), web)) : null);
    var said = ["Anda membaca versi " + own + " dari salinan di disk; dari sini tidak dapat diperiksa apakah sudah " +
      "terbit versi yang lebih baru. "];
    if (list) {
      said.push(link(list.href, "Daftar semua versi laporan ini"), ".");
    }
    if (!inPortal && web) {
      said.push(" Tautan ke halaman portal di luar versi ini membuka alamatnya di internet.");
    }
    note(said, "versi-baru dari-disk");
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
    .catch(function () { /* offline: the landing page still lists every version */ });
})();
