// The change form's "What readers will see": the search result and social card follow the
// headline, SEO title, standfirst, SEO description, slug and hero image as the editor types.
// The fallbacks are Article.meta_title and Article.meta_description's: SEO field, else the story's.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const box = document.querySelector(".share-preview");
    const form = document.getElementById("article_form");
    if (!box || !form) return;
    const field = (name) => form.elements.namedItem(name);
    const value = (name) => (field(name) ? field(name).value.trim() : "");
    const prefix = box.dataset.urlPrefix;

    function show(name, text) {
      for (const element of box.querySelectorAll(`[data-preview="${name}"]`)) {
        element.textContent = text;
      }
    }

    function update() {
      show("title", value("seo_title") || value("title") || "Your headline");
      show(
        "description",
        value("seo_description") ||
          value("standfirst") ||
          "The standfirst, or the SEO description, appears here.",
      );
      const slug = value("slug");
      show("url", slug ? `${prefix}${slug}/` : prefix);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  });
})();
