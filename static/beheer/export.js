// The "select all" checkbox of import-export's export page, bound here instead of in an
// onchange attribute (the Content-Security-Policy allows no inline event handlers).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".select-toggle").forEach((vakje) => {
    vakje.addEventListener("change", onSelectToggleChange);
  });
});
