// The deelnemers tab's gemeenten, one checkbox each: a search field that shortens the list
// (a chosen gemeente stays in view) and a live region that says what is chosen.
// Progressive enhancement: without this script the checkboxes work the same, only unsearched.
(() => {
  const normaal = (tekst) =>
    tekst.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

  function aantal(n) {
    return n === 1 ? "1 gemeente" : `${n} gemeenten`;
  }

  function opzetten(lijst) {
    const zoekRegel = lijst.querySelector(".keuzelijst-zoek");
    const zoek = zoekRegel.querySelector("input[type=search]");
    const gevonden = zoekRegel.querySelector("[role=status]");
    const gekozen = lijst.querySelector(".keuzelijst-gekozen");
    const vakjes = [...lijst.querySelectorAll(".keuzelijst-opties input[type=checkbox]")];
    const naam = (vakje) => vakje.closest("label").textContent.trim();
    const namen = new Map(vakjes.map((v) => [v, normaal(naam(v))]));

    function zeggen() {
      const aan = vakjes.filter((v) => v.checked).map(naam);
      gekozen.textContent = aan.length
        ? `${aantal(aan.length)} gekozen: ${aan.join(", ")}.`
        : "Geen gemeente gekozen.";
    }

    zoekRegel.hidden = false;
    zoek.addEventListener("input", () => {
      const term = normaal(zoek.value);
      let n = 0;
      for (const vakje of vakjes) {
        const past = !term || namen.get(vakje).includes(term);
        if (past) n += 1;
        // Django's widget puts each option in a <div> of its own.
        vakje.closest("label").parentElement.hidden = !(past || vakje.checked);
      }
      gevonden.textContent = term ? `${aantal(n)} gevonden.` : "";
    });
    // Enter in the search field does not send the form half filled in.
    zoek.addEventListener("keydown", (e) => {
      if (e.key === "Enter") e.preventDefault();
    });
    lijst.addEventListener("change", (e) => {
      if (e.target.type === "checkbox") zeggen();
    });
    if (vakjes.some((v) => v.checked)) zeggen();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".keuzelijst").forEach(opzetten);
  });
})();
