/* Only in `lkjip serve`: reload the open page when the build changes. Never part of a published build. */
(function () {
  var current = null;
  function poll() {
    fetch("/__lkjip_versi", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (current === null) { current = v; } else if (v !== current) { location.reload(); return; }
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  poll();
})();
