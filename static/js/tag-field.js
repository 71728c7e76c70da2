// The story's tag field: suggestions from the existing tags as you type, the exact match first.
// Enter completes the tag being typed rather than submitting the form; new names become tags on save.
(function () {
  "use strict";
  const url = document.currentScript.dataset.url;
  const input = document.querySelector('input[name="tags"]');
  if (!input || !url) return;
  const list = document.createElement("datalist");
  list.id = "tag-suggestions";
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  let timer = null;

  function typed() {
    const parts = input.value.split(",");
    const last = parts.pop().trim();
    return { done: parts.map((part) => part.trim()).filter(Boolean), last };
  }

  async function suggest() {
    const { done, last } = typed();
    if (!last) {
      list.replaceChildren();
      return;
    }
    const response = await fetch(`${url}?q=${encodeURIComponent(last)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const { tags } = await response.json();
    list.replaceChildren(
      ...tags
        .filter((tag) => !done.includes(tag))
        .map((tag) => {
          const option = document.createElement("option");
          option.value = [...done, tag].join(", ") + ", ";
          option.label = tag;
          return option;
        }),
    );
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const { done, last } = typed();
    if (!last) return;
    // An existing tag in its own spelling, else a new tag as typed.
    const lower = last.toLowerCase();
    const names = [...list.options].map((option) => option.label);
    const name = names.find((tag) => tag.toLowerCase() === lower) || last;
    input.value = [...done, name].join(", ") + ", ";
    list.replaceChildren();
  });
})();
