/*
 * tabel.js: a link or button reached with Tab inside a table's sideways-scrolling box is shown whole.
 *
 * Chromium scrolls the box to an element that receives the focus only when the element is wholly out of view: one
 * at the box's edge stayed half outside it ("116" of "116,19 %" on the comparison at 360 px, the sort button "Rata-rata
 * capaian kinerja" likewise), its focus ring cut, on a phone or a screen magnified to 400 %. Here such an element is
 * scrolled just into view, the box's scroll-padding (site.css: clear of the column kept in view) respected.
 * Without JavaScript the box still scrolls to wholly hidden elements, as before.
 */
(function () {
  "use strict";
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    var box = target && target.closest ? target.closest(".tabel-wadah") : null;
    if (!box || box === target || !target.scrollIntoView) return;
    var shown = box.getBoundingClientRect().left + box.clientLeft;
    var r = target.getBoundingClientRect();
    if (r.left < shown - 0.5 || r.right > shown + box.clientWidth + 0.5) {
      target.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });
})();
