// The story form's studies: a button beside each DOI and PMID field fills in the study's title,
// journal, date and authors from Crossref or PubMed (articles/admin_evidence.py). Whatever the
// answer, the fields stay editable: the editor can always type them by hand.
"use strict";
{
  const FIELDS = ["doi", "pmid", "title", "journal", "published", "authors"];

  function fieldOf(input, name) {
    return document.getElementById(input.id.replace(/-(doi|pmid)$/, `-${name}`));
  }

  function addButton(input) {
    if (input.dataset.lookupReady || input.id.includes("__prefix__")) return;
    input.dataset.lookupReady = "1";
    const by = input.dataset.lookupBy;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button study-lookup";
    button.textContent = by === "doi" ? "Fill in from Crossref" : "Fill in from PubMed";
    const status = document.createElement("span");
    status.className = "study-lookup-status";
    status.setAttribute("role", "status");
    input.after(button, status);
    button.addEventListener("click", async () => {
      const value = input.value.trim();
      status.className = "study-lookup-status";
      if (!value) {
        status.textContent = `Paste a ${by === "doi" ? "DOI" : "PubMed ID"} first.`;
        return;
      }
      button.disabled = true;
      status.textContent = "Looking it up…";
      try {
        const url = `${input.dataset.studyLookup}?${new URLSearchParams({ [by]: value })}`;
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        const answer = await response.json();
        if (!response.ok) throw new Error(answer.error || "The lookup failed.");
        for (const name of FIELDS) {
          const field = fieldOf(input, name);
          if (field && answer.fields[name]) field.value = answer.fields[name];
        }
        const preprint = fieldOf(input, "is_preprint");
        if (preprint && "is_preprint" in answer.fields) preprint.checked = answer.fields.is_preprint;
        status.textContent = answer.message;
        status.classList.add("is-ok");
      } catch (error) {
        status.textContent = error instanceof SyntaxError ? "The lookup failed: fill in the fields by hand." : error.message;
        status.classList.add("is-error");
      } finally {
        button.disabled = false;
      }
    });
  }

  function setUp(root) {
    root.querySelectorAll("input[data-study-lookup]").forEach(addButton);
  }

  document.addEventListener("DOMContentLoaded", () => setUp(document));
  document.addEventListener("formset:added", (event) => setUp(event.target));
}
