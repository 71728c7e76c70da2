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
