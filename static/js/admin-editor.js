// The story form's body editor: spellcheck on, and a live word count and reading time.
"use strict";
(() => {
  const WORDS_PER_MINUTE = 230; // articles.models.WORDS_PER_MINUTE
  document.addEventListener("prose-editor:ready", (event) => {
    const { editor, textarea } = event.detail;
    if (textarea.name !== "body") return;
    editor.view.dom.setAttribute("spellcheck", "true");
    editor.view.dom.setAttribute("aria-label", "Story body");
    const counter = document.createElement("p");
    counter.className = "body-word-count help";
    counter.setAttribute("aria-live", "polite");
    const update = () => {
      const words = editor.getText().split(/\s+/).filter(Boolean).length;
      const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
      counter.textContent = `${words.toLocaleString()} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
    };
    textarea.closest(".prose-editor").after(counter);
    editor.on("update", update);
    update();
  });
})();

// The admin's autocomplete boxes (select2) name their combobox after the current choice, so an
// empty one has no accessible name: give each the label of its field.
(() => {
  const name = (root) => {
    for (const container of root.querySelectorAll(".select2-container")) {
      const select = container.previousElementSibling;
      const label = select && document.querySelector(`label[for="${select.id}"]`);
      if (!label) continue;
      const text = label.textContent.replace(/:\s*$/, "").trim();
      for (const box of container.querySelectorAll("[role=combobox], [role=textbox], .select2-search__field")) {
        box.removeAttribute("aria-labelledby"); // it names the box after the (empty) choice
        box.setAttribute("aria-label", text);
      }
    }
  };
  // After the admin's own start-up code has drawn the boxes (it runs on jQuery's ready).
  window.addEventListener("load", () => setTimeout(() => name(document), 50));
  document.addEventListener("formset:added", (event) => setTimeout(() => name(event.target)));
})();
