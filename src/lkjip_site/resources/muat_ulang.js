/* Only in `lkjip serve`: reload the open page when the build changes. Never part of a published build.
   The server holds each request for a new version ("sejak": the one this page shows) until a rebuild is
   published, so the page reloads the moment the new pages are on disk. */
(function () {
  var current = null;
  function poll() {
    var url = current === null ? "/__lkjip_versi" : "/__lkjip_versi?sejak=" + encodeURIComponent(current);
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (current === null) { current = v; } else if (v !== current) { location.reload(); return; }
        poll();
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  poll();
})();
