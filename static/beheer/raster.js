// The bijdragen grid takes a block pasted from a spreadsheet: cells copied from Excel or
// LibreOffice arrive as lines of tab-separated values, and each value goes into the grid cell
// at the same place, counted from the field pasted into (down the deelnemers, right along the
// years). A cell of the grid without a field (no deelnemer that year, or a bijdrage per
// onderdeel) keeps what it has; what falls outside the grid is left out. A status line says
// how many amounts were placed and what was left out (it alone is read aloud, not every
// field's reading); the amounts are read as typed ones (bedrag.js shows what each becomes)
// and nothing is saved until "Bijdragen opslaan".
// Progressive enhancement: without this script a paste puts the text in one field.
(() => {
  function melding(tekst) {
    const status = document.getElementById("raster-plakken");
    if (status) status.textContent = tekst;
  }

  function plakken(e) {
    const veld = e.target;
    if (!veld.matches || !veld.matches("table.bijdragen-raster input[data-bedrag]")) return;
    if (veld.readOnly) return;
    const tekst = e.clipboardData.getData("text");
    // A copied cell or block ends with a line break.
    const inhoud = tekst.replace(/\r?\n$/, "");
    if (!/[\t\r\n]/.test(inhoud)) {
      // One value: as typed, without that line break.
      if (inhoud !== tekst) {
        e.preventDefault();
        veld.value = inhoud.trim();
        veld.dispatchEvent(new Event("input", { bubbles: true }));
      }
      return;
    }
    e.preventDefault();
    const raster = veld.closest("table");
    const rijen = [...raster.tBodies[0].rows];
    const cel = veld.closest("td");
    const eersteRij = rijen.indexOf(cel.parentElement);
    const eersteKolom = [...cel.parentElement.cells].indexOf(cel);
    const regels = inhoud.split(/\r?\n/);
    let geplakt = 0;
    let zonderVak = 0;
    let buiten = 0;
    const stil = [];
    regels.forEach((regel, i) => {
      regel.split("\t").forEach((waarde, j) => {
        const rij = rijen[eersteRij + i];
        // The last cell of a row is its total, not a field.
        const doel = rij && rij.cells[eersteKolom + j];
        if (!doel || eersteKolom + j >= rij.cells.length - 1) {
          buiten += waarde.trim() ? 1 : 0; // an empty cell outside the grid loses nothing
          return;
        }
        const invoer = doel.querySelector("input[data-bedrag]");
        if (!invoer || invoer.readOnly) {
          zonderVak += waarde.trim() ? 1 : 0;
          return;
        }
        // The field's own reading ("wordt € …") is shown but not read aloud: the status line
        // speaks for the whole paste, not once per field.
        const uitleg = document.getElementById(`${invoer.id}_begrepen`);
        if (uitleg) {
          uitleg.setAttribute("aria-live", "off");
          stil.push(uitleg);
        }
        invoer.value = waarde.trim();
        invoer.dispatchEvent(new Event("input", { bubbles: true }));
        geplakt += 1;
      });
    });
    // Read aloud again once the secretary goes on (another field, or typing in this one).
    const weerHoorbaar = () => {
      stil.forEach((uitleg) => uitleg.setAttribute("aria-live", "polite"));
      raster.removeEventListener("focusin", weerHoorbaar);
      raster.removeEventListener("keydown", weerHoorbaar);
    };
    raster.addEventListener("focusin", weerHoorbaar);
    raster.addEventListener("keydown", weerHoorbaar);
    const delen = [`${geplakt} ${geplakt === 1 ? "vak" : "vakken"} geplakt`];
    if (zonderVak) {
      delen.push(
        `${zonderVak} ${zonderVak === 1 ? "waarde" : "waarden"} niet geplakt in een vak zonder ` +
          "invoer (geen deelnemer in dat jaar, of per onderdeel)",
      );
    }
    if (buiten) {
      delen.push(`${buiten} ${buiten === 1 ? "waarde viel" : "waarden vielen"} buiten het raster`);
    }
    melding(`${delen.join("; ")}. Controleer de bedragen en klik op Bijdragen opslaan.`);
  }

  document.addEventListener("paste", plakken);
})();
