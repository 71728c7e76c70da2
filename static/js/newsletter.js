// Progressive enhancement for the newsletter box: the form works without this script.
// With it, a fresh timing token is fetched when the form is first used (the page itself may
// come from a shared cache, so it cannot carry one), and the form is sent in place.
(function () {
  "use strict";

  function fetchToken(form) {
    if (form.dataset.tokenRequested) return;
    form.dataset.tokenRequested = "1";
    fetch(form.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (data) { form.elements.form_token.value = data.token; })
      .catch(function () { delete form.dataset.tokenRequested; });
  }

  function show(form, text, isError) {
    var result = form.querySelector(".newsletter-result");
    result.textContent = text;
    result.classList.toggle("is-error", Boolean(isError));
  }

  function errorText(data) {
    var messages = [];
    Object.keys(data.errors || {}).forEach(function (field) {
      messages = messages.concat(data.errors[field]);
    });
    return messages.join(" ") || data.message || "Something went wrong. Please try again.";
  }

  function submit(event) {
    var form = event.target;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (reply) {
        if (reply.data.ok) {
          show(form, reply.data.message, false);
          form.querySelector("input[type=email]").value = "";
        } else if (reply.data.retry) {
          // Too quick, or the token had not arrived yet: the token ages; press again soon.
          if (!form.elements.form_token.value) {
            delete form.dataset.tokenRequested;
            fetchToken(form);
          }
          show(form, reply.data.message, false);
        } else {
          show(form, errorText(reply.data), true);
        }
      })
      .catch(function () { form.submit(); })
      .finally(function () { button.disabled = false; });
  }

  document.querySelectorAll("form[data-newsletter-form]").forEach(function (form) {
    ["focusin", "pointerdown", "input"].forEach(function (name) {
      form.addEventListener(name, function () { fetchToken(form); });
    });
    form.addEventListener("submit", submit);
  });
})();
