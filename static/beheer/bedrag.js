// Shows next to an amount field what the server will understand ("€ 1.234,56") or why it
// cannot (the same rule as samenwerking/bedragen.py, which decides when the form is saved).
// Progressive enhancement: without this script the form works the same. Only a field being
// typed in is updated; what the server wrote next to a field (its reading, an error) stays.
(() => {
  const VOORBEELD = "1.234,56";

  function gegroepeerd(deel, sep) {
    const s = sep === "." ? "\\." : ",";
    return new RegExp(`^\\d{1,3}(?:${s}\\d{3})+$`).test(deel);
  }

  // Returns {cent: BigInt} or {fout: "…"}; null for an empty value.
  function lees(waarde) {
    let tekst = waarde.replace(/[\u00a0\u202f]/g, " ").trim().toLowerCase();
    if (!tekst) return null;
    const omhulsel = /^(?:€|eur\b|euro\b)?\s*([-−])?\s*(?:€|eur\b|euro\b)?\s*/.exec(tekst);
    const negatief = Boolean(omhulsel[1]);
    tekst = tekst.slice(omhulsel[0].length).replace(/\s*(?:€|eur|euro)$/, "").replace(/ /g, "");
    const heleEuros = tekst.endsWith(",-");
    if (heleEuros) tekst = tekst.slice(0, -2);
    if (!/^[\d.,]+$/.test(tekst) || !/\d/.test(tekst)) {
      return { fout: "er staan tekens in die geen bedrag zijn." };
    }
    const punten = (tekst.match(/\./g) || []).length;
    const kommas = (tekst.match(/,/g) || []).length;
    let getal;
    if (punten && kommas) {
      const decimaal = tekst.lastIndexOf(",") > tekst.lastIndexOf(".") ? "," : ".";
      const duizend = decimaal === "," ? "." : ",";
      const i = tekst.lastIndexOf(decimaal);
      const geheel = tekst.slice(0, i);
      if (tekst.split(decimaal).length > 2 || !gegroepeerd(geheel, duizend)) {
        return { fout: "punten en komma's staan niet op de plaats van duizendtallen en centen." };
      }
      getal = geheel.split(duizend).join("") + "." + tekst.slice(i + 1);
    } else if (punten || kommas) {
      const sep = punten ? "." : ",";
      const i = tekst.lastIndexOf(sep);
      const geheel = tekst.slice(0, i);
      const breuk = tekst.slice(i + 1);
      if (punten + kommas > 1) {
        if (!gegroepeerd(tekst, sep)) {
          return { fout: "de scheidingstekens staan niet op de plaats van duizendtallen." };
        }
        getal = tekst.split(sep).join("");
      } else if (heleEuros && sep === "." && gegroepeerd(tekst, sep)) {
        getal = tekst.split(sep).join("");
      } else if (heleEuros) {
        return { fout: "na ,- volgen geen centen meer." };
      } else if (breuk.length === 3 && geheel && geheel.length <= 3 && geheel !== "0") {
        return {
          fout:
            "zijn de drie cijfers na het scheidingsteken duizendtallen of decimalen? Schrijf " +
            "hele euro's zonder scheidingsteken (1234) of met centen (1.234,00).",
        };
      } else {
        getal = (geheel || "0") + "." + breuk;
      }
    } else {
      getal = tekst;
    }
    const [heel, centen = ""] = getal.split(".");
    if (centen.replace(/0+$/, "").length > 2) {
      return { fout: "een bedrag heeft hoogstens twee decimalen (centen)." };
    }
    const cent = BigInt(heel || "0") * 100n + BigInt((centen + "00").slice(0, 2));
    return { cent: negatief ? -cent : cent };
  }

  function toon(cent) {
    const teken = cent < 0n ? "− " : "";
    const abs = cent < 0n ? -cent : cent;
    const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return `${teken}€ ${euros},${(abs % 100n).toString().padStart(2, "0")}`;
  }

  function bijwerken(veld) {
    const uitleg = document.getElementById(`${veld.id || veld.name}_begrepen`);
    if (!uitleg) return;
    const gelezen = lees(veld.value);
    uitleg.classList.toggle("bedrag-fout", Boolean(gelezen && gelezen.fout));
    if (gelezen === null) uitleg.textContent = "";
    else if (gelezen.fout) {
      uitleg.textContent = `Geen eenduidig bedrag: ${gelezen.fout} Voorbeeld: ${VOORBEELD}.`;
    } else uitleg.textContent = `wordt ${toon(gelezen.cent)}`;
  }

  window.regioregBedrag = { lees, toon };
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches("input[data-bedrag]")) bijwerken(e.target);
  });
})();
