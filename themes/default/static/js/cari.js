/*
 * cari.js: search the reports with the site's own Pagefind index (pagefind/, one bundle a year, built with the site).
 *
 * Without JavaScript the search page lists every report by year and instansi; this script adds the word
 * search on top. Results are grouped by report; inside a report the newest version comes first and older
 * versions are marked "versi lama" and listed after it. The filters (year, instansi) use the metadata
 * written into every report and chapter page (partials/cari_meta.html).
 *
 * Runs under the site's Content-Security-Policy: pagefind.js is a file of this site (script-src 'self');
 * Pagefind compiles its WebAssembly module, which needs 'wasm-unsafe-eval' (and nothing else).
 */
(function () {
  "use strict";

  var self = document.currentScript;
  var indexFolder = self && self.getAttribute("data-pagefind"); // pagefind/
  var MAX_RESULTS = 40; // shown
  var MAX_SCANNED = 400; // read at most, to apply the filters
  // Results are read (one fragment request each) a batch at a time, and no more once the pages to show are known:
  // reading all 400 at once made "peraturan desa" on a portal of 160 reports 400 requests and 1,4 MB, 16 s on a
  // phone's network, to show 40.
  var BATCH = MAX_RESULTS;

  var form = document.getElementById("cari-form");
  var input = document.getElementById("cari-kata");
  var year = document.getElementById("cari-tahun");
  var instansi = document.getElementById("cari-instansi");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  if (!form || !input || !indexFolder || !list) return;
  // slug -> newest version, written by each build on this page (released pages never change, so they cannot say).
  var newestVersion = {};
  try { newestVersion = JSON.parse(form.getAttribute("data-terbaru") || "{}"); } catch (e) { newestVersion = {}; }
  // slug -> [the instansi filter's option, pemda] of each report whose instansi's name several pemdas share (the
  // search page's data-instansi, written by each build): a released page's metadata names its instansi, not its
  // pemda, and the two pemdas' "Dinas Pendidikan" were one choice of the filter, the results of both.
  var units = {};
  try { units = JSON.parse(form.getAttribute("data-instansi") || "{}"); } catch (e) { units = {}; }
  // earlier name -> [current name, its instansi page from the site root] of each instansi renamed (the search page's
  // data-nama-lama): "pekerjaan umum" found the old name's reports of 2022-2023 only, nothing led to "Dinas PUPR".
  var renamed = {};
  try { renamed = JSON.parse(form.getAttribute("data-nama-lama") || "{}"); } catch (e) { renamed = {}; }
  // instansi page from the site root -> [its name as the portal lists it, its current name, its earlier names] (the
  // search page's data-halaman-instansi): "pupr" or "pengaron" found the instansi's reports, never its page of
  // every year (not in the index: its heading's words are every instansi's).
  var instansiPages = {};
  try { instansiPages = JSON.parse(form.getAttribute("data-halaman-instansi") || "{}"); } catch (e) { instansiPages = {}; }

  var loading = null; // the promise of the opened index
  var counter = 0;

  // The index is one Pagefind bundle per report year (pagefind/<tahun>/), listed newest first in
  // pagefind/bundel.json: the newest is opened (its pagefind.js, worker and WebAssembly), the others are merged
  // into it, so one search covers every year, ranked together. Result URLs are relative to the site root (the
  // folder above pagefind/), wherever the site is served.
  // Opened once for all searches: a second search started while the first still loads (a filter changed at
  // once) must not merge the bundles again, which would list every result twice. A failure stays a failure
  // until the page is loaded again (a retry after a partial merge would merge some bundles twice).
  function load() {
    if (!loading) loading = open();
    return loading;
  }

  function open() {
    var folder = new URL(indexFolder, document.baseURI);
    var root = new URL("../", folder).pathname;
    return fetch(new URL("bundel.json", folder).href).then(function (response) {
      if (!response.ok) throw new Error("bundel.json: " + response.status);
      return response.json();
    }).then(function (list) {
      var names = (list && list.bundel) || [];
      if (!names.length) {
        return { search: function () { return Promise.resolve({ results: [] }); } }; // no report yet
      }
      var first = new URL(names[0] + "/", folder);
      return import(new URL("pagefind.js", first).href).then(function (module) {
        return module.options({ baseUrl: root }).then(function () {
          return Promise.all(names.slice(1).map(function (name) {
            return module.mergeIndex(new URL(name + "/", folder).pathname, { baseUrl: root });
          }));
        }).then(function () {
          return module;
        });
      });
    });
  }

  function filters() {
    var out = {};
    if (year && year.value) out.tahun = year.value;
    if (instansi && instansi.value) out.instansi = instansi.value;
    return out;
  }

  // [option, pemda] of the report a result belongs to, when its instansi's name is shared; else null.
  function unitOf(meta) {
    return Object.prototype.hasOwnProperty.call(units, meta.slug) ? units[meta.slug] : null;
  }

  // Year and instansi are page metadata, filtered here rather than with Pagefind's own filters: Pagefind 1.5
  // writes filter values in hash-map order, so the index would differ from build to build (the build promises
  // the same bytes for the same input).
  // The instansi is the page's name (a name no other pemda has, or the option of all pemdas of a shared name, whose
  // value is the bare name: a link written before the name was shared), or the option of its report's pemda.
  function matches(item, wanted) {
    var meta = item.meta || {};
    var unit = unitOf(meta);
    return Object.keys(wanted).every(function (key) {
      return meta[key] === wanted[key] || (key === "instansi" && !!unit && unit[0] === wanted[key]);
    });
  }

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  // Group results by report (slug); keep Pagefind's ranking between reports and inside each version,
  // but put the newest version of a report before its older versions. The reports of one instansi stand together,
  // where its best-ranked one stood, the newest year first: a kecamatan's name found its four years' reports,
  // nearly alike, ranked apart by small differences, and on a portal of 160 reports "tebing tabuk" listed
  // 2022, then 2023, its 2024 report below both (a citizen looks for the latest).
  function group(items) {
    var groups = [];
    var bySlug = {};
    items.forEach(function (item, rank) {
      var meta = item.meta || {};
      var slug = meta.slug || item.url;
      if (!bySlug[slug]) {
        var title = meta.laporan || meta.title || item.url;
        // two pemdas' "Dinas Pendidikan" wrote one title ("Laporan Kinerja … Dinas Pendidikan Tahun 2023")
        var unit = unitOf(meta);
        if (unit && unit[1] && title.indexOf(unit[1]) < 0) title += " \u2014 " + unit[1];
        // an instansi of its pemda: two pemdas' "Dinas Pendidikan" are two
        var whose = (meta.instansi || slug) + (unit ? "\u0000" + unit[1] : "");
        bySlug[slug] = { title: title, items: [], instansi: whose, tahun: Number(meta.tahun) || 0 };
        groups.push(bySlug[slug]);
      }
      bySlug[slug].items.push({ item: item, rank: rank, newest: newestVersion[slug] === meta.versi });
    });
    groups.forEach(function (g) {
      g.items.sort(function (a, b) {
        return (b.newest - a.newest) || (!!b.item.headed - !!a.item.headed) || (a.rank - b.rank);
      });
    });
    var best = {}; // instansi (of the reports with a newest version, or of those without) -> its best rank
    function key(g) { return (g.current ? "1" : "0") + g.instansi; }
    groups.forEach(function (g) {
      g.current = g.items.some(function (x) { return x.newest; });
      var rank = g.items[0].rank;
      best[key(g)] = Object.prototype.hasOwnProperty.call(best, key(g)) ? Math.min(best[key(g)], rank) : rank;
    });
    groups.sort(function (a, b) {
      return (b.current - a.current) || (best[key(a)] - best[key(b)]) || (b.tahun - a.tahun) ||
        (a.items[0].rank - b.items[0].rank);
    });
    return groups;
  }

  // The section of a page whose heading (or the page, whose title) holds every word a query asks besides an
  // instansi's name (:func:`topic`), or null. Inside a report such pages go first, each opened at that section:
  // "capaian pengaron" listed the report's cover first, at its list of tables (its heading names Pengaron, weighted as
  // a title, and the captions repeat both words), before BAB III's section "Capaian indikator program dan kegiatan":
  // a name is a rare word, so it outweighed what was asked of the instansi.
  function headed(item, topicHolds) {
    if (!topicHolds) return null;
    var subs = item.sub_results || [];
    if (topicHolds({ content: (item.meta || {}).title })) {
      return subs.filter(function (sub) { return sub.url && sub.url.indexOf("#") < 0; })[0] || null;
    }
    return subs.filter(function (sub) {
      return sub.url && sub.url.indexOf("#") > 0 && topicHolds({ content: sub.title });
    })[0] || null;
  }

  // The words of ``query`` that name no instansi of the site (none is a word of a name it names, or begins one),
  // when it names one and asks more; else "" (a search of a name alone, or of no name, is ranked as Pagefind found).
  function topic(query) {
    var asked = words(query);
    var named = [];
    Object.keys(instansiPages).forEach(function (page) {
      instansiPages[page].slice(1).forEach(function (name) {
        if (names(asked, name)) named = named.concat(words(name));
      });
    });
    var rest = asked.filter(function (w) {
      return !named.some(function (n) { return n.indexOf(w) === 0; });
    });
    return named.length && rest.length && rest.length < asked.length ? rest.join(" ") : "";
  }

  // The section of a page where the words are found most (Pagefind's sub-results, one per heading with an id):
  // a result linked to the page's top, and "kriminalitas" was found 1 600 px below it on a phone. A page whose title
  // holds every word is what was searched for, so it opens at its top: "pengaron" (or a kecamatan's name on a
  // portal) opened the report at its list of tables, whose captions repeat the name, past its key figures.
  function bestSection(item, holds) {
    if (holds({ content: (item.meta || {}).title })) {
      return (item.sub_results || []).filter(function (sub) { return sub.url && sub.url.indexOf("#") < 0; })[0] || null;
    }
    var best = null;
    (item.sub_results || []).forEach(function (sub) {
      var n = (sub.weighted_locations || sub.locations || []).length;
      if (sub.url && n && (!best || n > best.n)) best = { sub: sub, n: n };
    });
    return best ? best.sub : null;
  }

  // Damerau-Levenshtein (optimal string alignment): "matrapura" is one swap from "martapura".
  function distance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  // A name typed with a slip ("matrapura", "tanjng ampar"), as a phone's keyboard makes them: Pagefind has no typo
  // tolerance, and such a search found nothing or other reports. The instansi names of the site (the filter's
  // options) are what a citizen looks for most; a word of the query that is none of their words but one letter
  // from one (two for a word of seven letters or more) is offered corrected. Null when nothing is corrected.
  function corrected(query) {
    var vocabulary = [];
    Array.prototype.slice.call(instansi ? instansi.options : [], 1).forEach(function (option) {
      option.value.toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (w) {
        if (w.length >= 3 && vocabulary.indexOf(w) < 0) vocabulary.push(w);
      });
    });
    var changed = false;
    var words = query.toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
      if (w.length < 4 || vocabulary.indexOf(w) >= 0) return w;
      var best = null, bound = w.length >= 7 ? 3 : 2;
      vocabulary.forEach(function (v) {
        var d = distance(w, v);
        if (d < bound) { bound = d; best = v; }
      });
      if (best === null) return w;
      changed = true;
      return best;
    });
    return changed ? words.join(" ") : null;
  }

  // The offer is a link under the status and, for a screen reader, a sentence of the status (the live region): it was
  // only the link, and a reader who heard "Tidak ada hasil" never learnt of it. Returns that sentence, or "".
  function suggest(query) {
    var better = corrected(query);
    if (better === null) return "";
    var params = new URLSearchParams(location.search);
    params.set("q", better);
    var p = text("p", "cari-saran", "Mungkin maksud Anda: ");
    var link = text("a", "", better);
    link.href = "?" + params.toString();
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = better;
      // the link is gone with the results it stood among: the focus went to the page's start, and a keyboard or
      // screen reader user began again from the top; it goes to the search field, whose results the status announces
      input.focus();
      run(true);
    });
    p.appendChild(link);
    p.appendChild(document.createTextNode("?"));
    list.appendChild(p);
    return " Mungkin maksud Anda: " + better + "? Tautannya ada di bawah.";
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  // A page of the site (a path from its root, e.g. instansi/dinas-pupr/) as a full URL, wherever the site is served.
  function siteUrl(path) {
    return new URL(path, new URL("../", new URL(indexFolder, document.baseURI))).href;
  }

  // Whether the words asked name ``name``: its words after the first ("Dinas", "Kecamatan" are every other
  // instansi's too: "kecamatan" names none), or its only word, are all among them ("laporan pengaron"); or each word
  // asked begins a word of it, one of them a word after its first ("pengar", "dinas pu").
  function names(asked, name) {
    var own = words(name);
    var distinct = own.length > 1 ? own.slice(1) : own;
    function begins(list) {
      return function (w) { return list.some(function (o) { return o.indexOf(w) === 0; }); };
    }
    return distinct.every(function (w) { return asked.indexOf(w) >= 0; }) ||
      (asked.length > 0 && asked.every(begins(own)) && asked.some(begins(distinct)));
  }

  // The page of every year of each instansi the query names (by its current or an earlier name), above the results,
  // unless a note already links it (``linked``). Returns the status's sentence.
  function instansiNote(query, linked) {
    var asked = words(query);
    var said = [];
    Object.keys(instansiPages).forEach(function (page) {
      var entry = instansiPages[page];
      if (linked.indexOf(page) >= 0 || !entry.slice(1).some(function (name) { return names(asked, name); })) return;
      var p = text("p", "cari-halaman-instansi", "Halaman instansi: ");
      var link = text("a", "", entry[0] + " dari tahun ke tahun");
      link.href = siteUrl(page);
      p.appendChild(link);
      list.appendChild(p);
      said.push("Halaman instansi " + entry[0] + " dari tahun ke tahun; tautannya ada di bawah.");
    });
    return said.length ? " " + said.join(" ") : "";
  }

  // An earlier name the query names (its words after the first, "Dinas", "Badan", "Kecamatan": every one a word of
  // the query) is said above the results, with a link to its current name's page (added to ``linked``). Returns the
  // status's sentence.
  function renamedNote(query, linked) {
    var asked = words(query);
    var said = [];
    Object.keys(renamed).forEach(function (old) {
      var own = words(old);
      var needed = own.length > 1 ? own.slice(1) : own;
      if (!needed.every(function (w) { return asked.indexOf(w) >= 0; })) return;
      var p = text("p", "cari-nama-lama", old + " kini bernama " + renamed[old][0] + ": ");
      var link = text("a", "", renamed[old][0] + " dari tahun ke tahun");
      link.href = siteUrl(renamed[old][1]);
      linked.push(renamed[old][1]);
      p.appendChild(link);
      list.appendChild(p);
      said.push(old + " kini bernama " + renamed[old][0] + "; tautannya ada di bawah.");
    });
    return said.length ? " " + said.join(" ") : "";
  }
  // An instansi chosen in the filter with no word typed: its page of every year is linked below the status, which
  // asks for a word. A citizen who chose their kecamatan (the first thing a phone's form offers to touch) met an
  // empty page, nothing said, nothing listed. Returns the status's sentence.
  function chosenNote(value) {
    var said = "Ketik kata yang dicari di laporan " + value + ".";
    Object.keys(instansiPages).forEach(function (page) { // two pemdas' "Dinas Pendidikan" (semua pemda): both
      var entry = instansiPages[page];
      if (entry.slice(1).indexOf(value) < 0 && entry[0] !== value) return;
      var p = text("p", "cari-halaman-instansi", "Halaman instansi: ");
      var link = text("a", "", entry[0] + " dari tahun ke tahun");
      link.href = siteUrl(page);
      p.appendChild(link);
      list.appendChild(p);
      said += " Semua laporan " + entry[0] + " ada di halamannya dari tahun ke tahun; tautannya ada di bawah.";
    });
    return said;
  }

  function render(query, items, total) {
    list.textContent = "";
    var linked = [];
    var note = renamedNote(query, linked);
    note += instansiNote(query, linked);
    if (!items.length) {
      status.textContent = "Tidak ada hasil untuk \u201c" + query + "\u201d. Coba kata lain atau hapus saringan." +
        note + suggest(query);
      return;
    }
    // "found for", not "containing": a bundle without the word answers with the longest prefix of it that it has
    // (Pagefind's fallback), so some pages listed below the best ones may not contain the word itself
    // total is null when the filters were applied to the first pages only (enough to fill the list)
    var found = total === null ? "Sedikitnya " + items.length : String(total);
    var holds = holder(query);
    var asked = topic(query);
    var topicHolds = asked ? holder(asked) : null;
    items.forEach(function (item) { item.headed = headed(item, topicHolds); });
    var shown = total === null || total > items.length ? " (ditampilkan " + items.length + " teratas)." : ".";
    // No page holds every word: the pages listed hold some, or a beginning of one (Pagefind's fallback). "pengaron
    // kesiapsiagaan" said "10 halaman ditemukan", every one Pengaron's, none of them about kesiapsiagaan, and a citizen
    // took it that the report spoke of it. Said so, and a slip in a name is offered corrected.
    var whole = items.some(holds);
    status.textContent = (whole ? found + " halaman ditemukan untuk \u201c" + query + "\u201d" + shown
      : "Tidak ada halaman yang memuat semua kata \u201c" + query + "\u201d; di bawah ini " + found.toLowerCase() +
        " halaman yang paling mendekati" + shown) + note + (whole ? "" : suggest(query));
    group(items).forEach(function (g) {
      var section = text("section", "hasil-grup");
      section.appendChild(text("h2", "", g.title));
      var ul = text("ul", "hasil-daftar");
      g.items.forEach(function (entry) {
        var item = entry.item;
        var meta = item.meta || {};
        var li = text("li", entry.newest ? "hasil" : "hasil hasil-lama");
        var section = item.headed || bestSection(item, holds);
        var link = text("a", "hasil-tautan", meta.title || item.url);
        // Heard alone (Tab, a screen reader's list of links), "BAB I Pendahuluan" was the same link for every report
        // and version found: the group's heading above it is not read. Hidden words name the report and version.
        var whose = (meta.laporan && meta.laporan !== meta.title ? " \u2014 " + meta.laporan : "") +
          (meta.versi ? ", versi " + meta.versi : "");
        if (whose) link.appendChild(text("span", "sr", whose));
        link.href = section ? section.url : item.url;
        li.appendChild(link);
        if (section && section.url.indexOf("#") > 0 && section.title && section.title !== meta.title) {
          li.appendChild(text("span", "hasil-bagian", "Bagian: " + section.title));
        }
        var version = "Versi " + (meta.versi || "?") + (meta.terbit ? ", terbit " + meta.terbit : "");
        li.appendChild(text("span", "hasil-versi", entry.newest ? version + " (terbaru)" : version + " \u2014 versi lama"));
        var excerpt = text("p", "hasil-cuplikan");
        // Pagefind escapes the page text; only <mark> is markup
        excerpt.innerHTML = section && section.excerpt ? section.excerpt : item.excerpt;
        li.appendChild(excerpt);
        ul.appendChild(li);
      });
      section.appendChild(ul);
      list.appendChild(section);
    });
  }

  // Pages that hold every word searched for (as a word or its beginning) go before the others, each group in
  // Pagefind's order: a year's bundle without the word answers with pages of the longest prefix it has, ranked
  // above the page that has it ("batu" listed Martapura Barat and Pengaron above Batu Sopang; Pagefind/pagefind#599).
  function holder(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
      return new RegExp("(^|[^\\p{L}\\p{N}])" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u");
    });
    return function (item) {
      var content = (item.content || "").toLowerCase();
      return words.every(function (re) { return re.test(content); });
    };
  }

  // Read the results in Pagefind's order, a batch at a time, keeping those the filters allow, until MAX_RESULTS of
  // them hold every word (those are then the pages shown: holders go first) or MAX_SCANNED are read. Resolves to
  // {items: holders then the others, total: the pages found, or null when reading stopped before counting them}.
  function collect(results, wanted, query, filtered) {
    var holds = holder(query);
    var scanned = results.slice(0, MAX_SCANNED);
    var yes = [], no = [];
    function next(start) {
      if (start >= scanned.length || yes.length >= MAX_RESULTS) {
        var complete = start >= scanned.length;
        var total = filtered ? (complete ? yes.length + no.length : null) : results.length;
        return Promise.resolve({ items: yes.concat(no), total: total });
      }
      return Promise.all(scanned.slice(start, start + BATCH).map(function (r) { return r.data(); }))
        .then(function (items) {
          items.forEach(function (item) {
            if (matches(item, wanted)) (holds(item) ? yes : no).push(item);
          });
          return next(start + BATCH);
        });
    }
    return next(0);
  }

  function run(pushState) {
    var query = input.value.trim();
    var mine = ++counter;
    if (pushState) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      if (year && year.value) params.set("tahun", year.value);
      if (instansi && instansi.value) params.set("instansi", instansi.value);
      history.replaceState(null, "", "?" + params.toString());
    }
    if (!query) {
      list.textContent = "";
      status.textContent = instansi && instansi.value ? chosenNote(instansi.value) : "";
      return;
    }
    status.textContent = "Mencari\u2026";
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (search) {
      var wanted = filters();
      return collect(search.results, wanted, query, Object.keys(wanted).length > 0).then(function (found) {
        if (mine === counter) render(query, found.items.slice(0, MAX_RESULTS), found.total);
      });
    }).catch(function () {
      if (mine === counter) status.textContent = "Pencarian tidak dapat dijalankan di peramban ini. Telusuri daftar laporan di bawah.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(true);
  });
  // Escape (or the field's clear button) empties a search field: the results and the status of the word gone stayed,
  // the field empty above them. Emptied, the field clears them (and the address's ?q=), as an empty search does.
  input.addEventListener("input", function () {
    if (!input.value.trim() && (status.textContent || list.firstChild)) run(true);
  });
  [year, instansi].forEach(function (select) {
    if (select) select.addEventListener("change", function () { run(true); });
  });

  var params = new URLSearchParams(location.search);
  if (params.get("tahun") && year) year.value = params.get("tahun");
  if (params.get("instansi") && instansi) {
    // a link written before the instansi was renamed (?instansi=Dinas Pekerjaan Umum): its option is the current name's
    var asked = params.get("instansi");
    instansi.value = Object.prototype.hasOwnProperty.call(renamed, asked) ? renamed[asked][0] : asked;
  }
  if (params.get("q")) input.value = params.get("q");
  if (params.get("q") || (instansi && instansi.value)) run(false);
})();
