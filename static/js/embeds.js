// Embedded videos and posts load nothing from their site until the reader asks.
// Each <figure class="embed" data-embed-provider data-embed-id> (checked by articles/sanitize.py)
// gets a button; a click swaps in the provider's player. Keep PLAYERS in step with the CSP's
// frame-src.
"use strict";
(() => {
  const PLAYERS = {
    youtube: {
      name: "YouTube",
      id: /^[A-Za-z0-9_-]{11}$/,
      src: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    },
    vimeo: {
      name: "Vimeo",
      id: /^[0-9]{1,12}$/,
      src: (id) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
    },
    bluesky: {
      name: "Bluesky",
      id: /^[A-Za-z0-9.:_-]{1,253}\/[a-z0-9]{1,20}$/,
      src: (id) => {
        const [author, post] = id.split("/");
        return `https://embed.bsky.app/embed/${author}/app.bsky.feed.post/${post}`;
      },
    },
    mastodon: {
      name: "Mastodon",
      id: /^[a-z0-9.-]{1,253}\/@[A-Za-z0-9_]{1,30}\/[0-9]{1,20}$/,
      src: (id) => `https://${id}/embed`,
    },
  };

  for (const figure of document.querySelectorAll(".prose figure.embed")) {
    const player = PLAYERS[figure.dataset.embedProvider];
    const id = figure.dataset.embedId || "";
    if (!player || !player.id.test(id)) continue;
    const src = player.src(id);
    const kind = ["youtube", "vimeo"].includes(figure.dataset.embedProvider) ? "video" : "post";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Load the ${player.name} ${kind}`;
    const note = document.createElement("p");
    note.className = "embed-note";
    note.textContent = `This loads content from ${new URL(src).hostname}, which may set cookies. `;
    // The stored link stays, shortened: the reader can open the original instead.
    const link = figure.querySelector("a");
    if (link) {
      link.textContent = `Open it on ${player.name}`;
      note.append(link);
    }
    figure.replaceChildren(button, note);
    button.addEventListener("click", () => {
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.title = `${player.name} content`;
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
      figure.replaceChildren(frame);
      figure.classList.add("is-loaded");
      frame.focus();
    });
  }
})();
