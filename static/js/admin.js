// The newsroom's additions to Django's admin (templates/admin/base_site.html).
"use strict";

// A share link is selected whole when clicked, ready to copy.
document.addEventListener("click", (event) => {
  if (event.target.matches("input.select-on-click")) {
    event.target.select();
  }
});
