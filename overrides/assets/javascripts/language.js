// Instant navigation swaps the page body but not the header, so point the header's
// language switch where the page now shown says (its language-switch metas, see
// overrides/main.html): its twin, or the other edition's News page.
document$.subscribe(function () {
  document.querySelectorAll("a.site-language__link").forEach(function (link) {
    var target = document.querySelector(
      'meta[name="language-switch"][content="' + link.getAttribute("hreflang") + '"]');
    if (target) link.setAttribute("href", target.getAttribute("data-href"));
  });
});
