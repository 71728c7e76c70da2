// Nothing lost: the story form is copied to this browser on every change and to the server
// every few seconds (and when the tab is hidden or closed); reopening the form offers the copy
// back. While the story is open, a ping tells who else is editing it.
(function () {
  "use strict";
  const script = document.currentScript;
  const config = script.dataset;
  const SERVER_EVERY_MS = 4000;
  const PRESENCE_EVERY_MS = 15000;
  const SKIP = new Set([
    "csrfmiddlewaretoken", "loaded_version", "autosave_token",
    "_save", "_continue", "_addanother", "_workflow",
  ]);

  document.addEventListener("DOMContentLoaded", start);
  // The body editor announces itself; restoring the body goes through it.
  const editors = new Map();
  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function start() {
    const form = document.getElementById("article_form");
    if (!form) return;
    const csrf = form.querySelector('input[name="csrfmiddlewaretoken"]').value;
    const tokenInput = form.querySelector('input[name="autosave_token"]');
    if (tokenInput && !tokenInput.value) tokenInput.value = newToken();
    const token = tokenInput ? tokenInput.value : "";
    const article = config.article || "";
    const localKey = `newsroom-autosave:${config.user}:${article || "new"}`;
    const notices = document.querySelector(".autosave-notices");
    const status = notices.querySelector(".autosave-status");
    let dirty = false;
    let sessionLost = false;

    forgetSubmitted(form, article);

    function serialize() {
      const data = {};
      const labels = {};
      for (const [name, value] of new FormData(form)) {
        if (SKIP.has(name) || value instanceof File) continue;
        (data[name] = data[name] || []).push(value);
      }
      for (const select of form.querySelectorAll("select")) {
        const chosen = [...select.selectedOptions].map((option) => option.textContent);
        if (chosen.length) labels[select.name] = chosen;
      }
      data.__labels__ = labels;
      return data;
    }

    function same(a, b) {
      const strip = (data) => JSON.stringify({ ...data, __labels__: undefined });
      return strip(a) === strip(b);
    }

    function saveLocally() {
      try {
        localStorage.setItem(
          localKey,
          JSON.stringify({ saved_at: new Date().toISOString(), token, data: serialize() }),
        );
      } catch (error) {
        // Storage full or disabled: the server copy still runs.
      }
    }

    function body(extra) {
      const fields = new FormData();
      fields.append("csrfmiddlewaretoken", csrf);
      fields.append("article", article);
      fields.append("token", token);
      for (const [name, value] of Object.entries(extra)) fields.append(name, value);
      return fields;
    }

    function say(text, problem) {
      status.textContent = text;
      status.hidden = !text;
      if (problem) status.dataset.problem = "";
      else delete status.dataset.problem;
    }

    async function saveToServer() {
      if (!dirty) return;
      dirty = false;
      try {
        const response = await fetch(config.url, {
          method: "POST",
          body: body({ data: JSON.stringify(serialize()) }),
          credentials: "same-origin",
          redirect: "manual",
          headers: { Accept: "application/json" },
        });
        if (response.ok) {
          sessionLost = false;
          say(`Draft copy saved at ${clock(new Date())}.`);
          return;
        }
        dirty = true;
        if (response.type === "opaqueredirect" || response.status === 403) {
          sessionLost = true;
          say(
            "You are signed out. Your changes are kept in this browser: sign in again in " +
              "another tab, then reopen this story to restore them.",
            true,
          );
        } else {
          say("Your changes could not be copied to the server; they are kept in this browser.", true);
        }
      } catch (error) {
        dirty = true;
        say("Offline: your changes are kept in this browser until the connection is back.", true);
      }
    }

    function onChange() {
      dirty = true;
      saveLocally();
    }
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    setInterval(saveToServer, SERVER_EVERY_MS);

    // A closed tab or a hidden one: the last seconds go out as a beacon.
    function flush() {
      if (!dirty || sessionLost) return;
      saveLocally();
      if (navigator.sendBeacon(config.url, body({ data: JSON.stringify(serialize()) }))) {
        dirty = false;
      }
    }
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
    window.addEventListener("pagehide", flush);

    form.addEventListener("submit", () => {
      const version = form.querySelector('input[name="loaded_version"]');
      const marker = { key: localKey, article, version: version ? version.value : "" };
      sessionStorage.setItem("newsroom-autosave-submitted", JSON.stringify(marker));
      dirty = false;
    });

    offerRestore();
    if (config.presenceUrl) {
      ping();
      setInterval(ping, PRESENCE_EVERY_MS);
    }

    async function offerRestore() {
      let server = null;
      try {
        const query = new URLSearchParams({ article });
        const response = await fetch(`${config.url}?${query}`, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (response.ok) server = (await response.json()).copy;
      } catch (error) {
        // No server copy reachable: the browser's copy may still be there.
      }
      const local = readLocal();
      const copy = [server, local]
        .filter(Boolean)
        .sort((a, b) => new Date(b.saved_at) - new Date(a.saved_at))[0];
      if (!copy || same(copy.data, serialize())) return;
      const offer = notices.querySelector(".autosave-restore");
      offer.querySelector("p").textContent =
        `Restore unsaved changes from ${clock(new Date(copy.saved_at))}?`;
      offer.hidden = false;
      offer.querySelector('[data-autosave="restore"]').addEventListener("click", () => {
        restore(copy.data);
        offer.hidden = true;
        onChange();
        say("Restored. Save the story to keep these changes.");
      });
      offer.querySelector('[data-autosave="dismiss"]').addEventListener("click", () => {
        offer.hidden = true;
        localStorage.removeItem(localKey);
        fetch(config.url, {
          method: "POST",
          body: body({ discard: "1", token: copy.token || token }),
          credentials: "same-origin",
        });
      });
    }

    function readLocal() {
      try {
        return JSON.parse(localStorage.getItem(localKey));
      } catch (error) {
        return null;
      }
    }

    function restore(data) {
      const labels = data.__labels__ || {};
      for (const [name, values] of Object.entries(data)) {
        if (name === "__labels__") continue;
        const field = form.elements.namedItem(name);
        if (!field) continue;
        const elements = field instanceof RadioNodeList ? [...field] : [field];
        for (const element of elements) setValue(element, values, labels[name] || []);
      }
    }

    function setValue(element, values, labels) {
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value);
      } else if (element.tagName === "SELECT") {
        values.forEach((value, index) => {
          // Autocomplete selects hold only the chosen options: add the ones restored.
          if (![...element.options].some((option) => option.value === value)) {
            element.add(new Option(labels[index] || value, value));
          }
        });
        for (const option of element.options) option.selected = values.includes(option.value);
      } else {
        element.value = values[0];
      }
      const editor = editors.get(element) || editorOf(element);
      if (editor) editor.commands.setContent(element.value);
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }

    async function ping() {
      try {
        const response = await fetch(config.presenceUrl, {
          method: "POST",
          body: body({}),
          credentials: "same-origin",
          redirect: "manual",
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        const { others } = await response.json();
        const line = notices.querySelector(".autosave-presence");
        line.hidden = !others.length;
        line.textContent = others.length
          ? `${joinNames(others)} ${others.length === 1 ? "is" : "are"} also editing this ` +
            "story. Whoever saves second will be asked to compare first."
          : "";
      } catch (error) {
        // Presence is a courtesy: the save itself refuses to overwrite.
      }
    }
  }

  function forgetSubmitted(form, article) {
    // The form was sent; if the story was saved since (a new version, or the new story now
    // has a page of its own), its copy has served. Not after a sign-in page: nothing was saved.
    const marker = JSON.parse(sessionStorage.getItem("newsroom-autosave-submitted") || "null");
    sessionStorage.removeItem("newsroom-autosave-submitted");
    if (!marker || document.querySelector(".errornote")) return;
    const version = form.querySelector('input[name="loaded_version"]');
    const added = !marker.article && article;
    const changed = marker.article === article && version && version.value !== marker.version;
    if (added || changed) localStorage.removeItem(marker.key);
  }

  function editorOf(textarea) {
    // The body editor wraps its textarea; Tiptap hangs the editor on its element.
    const view = textarea.parentElement && textarea.parentElement.querySelector(".ProseMirror");
    return view && view.editor;
  }

  function newToken() {
    return window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  }

  function clock(date) {
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function joinNames(names) {
    return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  }
})();
