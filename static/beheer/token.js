// A new API token's page: the button copies the key and says so to everyone, screen readers
// included (a status region). Without this script the button stays hidden: select the key
// (one click selects it whole) and copy it.
(() => {
  document.addEventListener("DOMContentLoaded", () => {
    const knop = document.getElementById("sleutel-kopieer");
    const sleutel = document.getElementById("sleutel");
    const status = document.getElementById("sleutel-gekopieerd");
    if (!knop || !sleutel || !status) return;
    knop.hidden = false;

    function oudeManier() {
      const bereik = document.createRange();
      bereik.selectNodeContents(sleutel);
      const selectie = window.getSelection();
      selectie.removeAllRanges();
      selectie.addRange(bereik);
      return document.execCommand("copy");
    }

    knop.addEventListener("click", async () => {
      status.textContent = "";
      let gelukt = false;
      try {
        await navigator.clipboard.writeText(sleutel.textContent.trim());
        gelukt = true;
      } catch {
        gelukt = oudeManier();
      }
      status.textContent = gelukt ? knop.dataset.gelukt : knop.dataset.mislukt;
    });
  });
})();
