// Abbreviations (extensions/abbreviations.py): one tooltip for the page, shown on hover,
// focus and tap by listeners on the document, so nothing is set up per term. It
// stays while the pointer moves onto it (a short grace covers the gap), until blur
// or a tap elsewhere, and Escape hides it without moving focus (WCAG 1.4.13).
// Screen readers get the expansion as the term's description, so the tooltip
// itself is hidden from them.
(function () {
  var tip, owner, timer;
  function termOf(node) {
    return node && node.closest ? node.closest("abbr[data-title]") : null;
  }
  function place() {
    var box = owner.getBoundingClientRect(), width = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(320, width - 16) + "px";
    var left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8));
    var top = box.bottom + 2;
    if (top + tip.offsetHeight > window.innerHeight && box.top > tip.offsetHeight + 2) {
      top = box.top - tip.offsetHeight - 2;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function show(term) {
    clearTimeout(timer);
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "abbr-tooltip";
      tip.setAttribute("aria-hidden", "true");
      document.body.appendChild(tip);
    }
    owner = term;
    tip.textContent = term.getAttribute("data-title");
    tip.hidden = false;
    place();
  }
  function hide() {
    clearTimeout(timer);
    if (tip) tip.hidden = true;
    owner = null;
  }
  document.addEventListener("pointerover", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else if (owner && event.target === tip) clearTimeout(timer);
  });
  document.addEventListener("pointerout", function (event) {
    if (!owner || event.pointerType === "touch") return;
    if (termOf(event.target) || event.target === tip) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (owner !== document.activeElement) hide();
      }, 300);
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (owner && !termOf(event.target) && event.target !== tip) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) hide();
  });
  window.addEventListener("scroll", function () {
    if (owner && document.contains(owner)) place(); else hide();
  }, { passive: true });
})();
