// Instant navigation swaps the page body but not the header, so point the header's
// language switch at the twins of the page now shown, read from the new page's
// hreflang alternates (see overrides/main.html).
document$.subscribe(function () {
  document.querySelectorAll("a.site-language__link").forEach(function (link) {
    var twin = document.querySelector(
      'link[rel~="alternate"][hreflang="' + link.getAttribute("hreflang") + '"][data-href]');
    if (twin) link.setAttribute("href", twin.getAttribute("data-href"));
  });
});
