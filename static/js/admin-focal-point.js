// The image library's focal point: click the picture, and the two fields follow.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".focal-picker");
  const fieldX = document.getElementById("id_focal_x");
  const fieldY = document.getElementById("id_focal_y");
  if (!picker || !fieldX || !fieldY) return;
  const image = picker.querySelector("img");
  const place = (x, y) => {
    // CSSOM, not a style attribute: the admin's Content-Security-Policy allows it.
    picker.style.setProperty("--focal-x", `${x * 100}%`);
    picker.style.setProperty("--focal-y", `${y * 100}%`);
  };
  const round = (value) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
  place(Number(fieldX.value) || 0.5, Number(fieldY.value) || 0.5);
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    fieldX.value = round((event.clientX - box.left) / box.width);
    fieldY.value = round((event.clientY - box.top) / box.height);
    place(Number(fieldX.value), Number(fieldY.value));
  });
  for (const field of [fieldX, fieldY]) {
    field.addEventListener("input", () => place(Number(fieldX.value), Number(fieldY.value)));
  }
});
