// Accessible names for what Django's admin widgets build in the browser (WCAG 2.1, axe):
// - the select2 box of an autocomplete field (role=combobox, its value role=textbox) gets the
//   label of its select;
// - the search icon of the filter_horizontal picker carries an aria-label, which a plain span
//   may not have: it becomes an image with that name.
(() => {
  function benoem(wortel) {
    wortel.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const label = select.id && document.querySelector(`label[for="${select.id}"]`);
      const houder = select.nextElementSibling;
      if (!houder || !houder.classList.contains("select2")) return;
      const naam = (label && label.textContent) || select.getAttribute("aria-label") || select.name;
      // The box (combobox) and the chosen value inside it (role=textbox) both need a name.
      houder.querySelectorAll('[role="combobox"], [role="textbox"]').forEach((deel) => {
        if (!deel.hasAttribute("aria-label")) {
          deel.setAttribute("aria-label", naam.replace(/:\s*$/, "").trim());
        }
      });
    });
    wortel.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach((icoon) => {
      icoon.setAttribute("role", "img");
    });
  }

  function start() {
    benoem(document);
    new MutationObserver(() => benoem(document)).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
