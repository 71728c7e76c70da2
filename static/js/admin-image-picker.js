// The body editor's image picker window (opened by the Figure extension's "Browse..."):
// lists the library, uploads a new image, and hands the choice back to the editor.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector(".image-picker");
  const grid = root.querySelector(".image-picker-grid");
  const status = root.querySelector(".image-picker-status");
  const funcNum = new URLSearchParams(location.search).get("CKEditorFuncNum");

  const choose = (image) => {
    const alt = image.decorative ? "" : image.alt;
    if (window.opener && window.opener.CKEDITOR && funcNum) {
      window.opener.CKEDITOR.tools.callFunction(funcNum, image.src, {
        id: image.id,
        alternative_text: alt,
        caption: image.caption,
      });
      window.close();
    }
  };

  const show = (images) => {
    grid.replaceChildren(
      ...images.map((image) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "image-picker-choice";
        const thumb = document.createElement("img");
        thumb.src = image.thumbnail;
        thumb.alt = "";
        const label = document.createElement("span");
        label.textContent = image.decorative ? `${image.label} (decorative)` : image.alt || "No alt text yet";
        if (!image.alt && !image.decorative) label.className = "image-picker-missing";
        button.append(thumb, label);
        button.addEventListener("click", () => choose(image));
        item.append(button);
        return item;
      }),
    );
    status.textContent = images.length ? `${images.length} images` : "No images found.";
  };

  const load = async (query = "") => {
    const url = new URL(root.dataset.libraryUrl, location.href);
    if (query) url.searchParams.set("q", query);
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    show((await response.json()).results);
  };

  const search = root.querySelector(".image-picker-search");
  let timer;
  search.addEventListener("submit", (event) => event.preventDefault());
  search.q.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(search.q.value), 250);
  });

  const upload = root.querySelector(".image-picker-upload");
  if (upload) {
    const errors = upload.querySelector(".image-picker-errors");
    upload.addEventListener("submit", async (event) => {
      event.preventDefault();
      errors.hidden = true;
      const response = await fetch(root.dataset.uploadUrl, {
        method: "POST",
        body: new FormData(upload),
        headers: { "X-CSRFToken": upload.csrfmiddlewaretoken.value },
      });
      const data = await response.json();
      if (response.ok) return choose(data);
      errors.textContent = Object.values(data.errors || {}).flat().join(" ") || "The upload failed.";
      errors.hidden = false;
    });
  }
  load();
});
