// The programme page. The filter panel is folded in the page as sent, which suits a phone; on
// a wide screen there is room for it, so it opens. The printable programme gets a button that
// opens the browser's print dialogue (without this script, the browser's own menu does it).
(function () {
  if (window.matchMedia("(min-width: 48em)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (panel) { panel.open = true; });
  }
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
