// The body editor's "Embed" block: a YouTube, Vimeo, Bluesky or Mastodon address becomes
// <figure class="embed" data-embed-provider data-embed-id><a href>…</a></figure>, which the
// public page turns into a player only when the reader asks (static/js/embeds.js).
import { Node, updateAttrsDialog } from "django-prose-editor/editor"

const PROVIDERS = [
  ["youtube", "YouTube video", /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([A-Za-z0-9_-]{11})/],
  ["vimeo", "Vimeo video", /^https:\/\/(?:www\.)?vimeo\.com\/(?:video\/)?([0-9]{1,12})(?:[/?#]|$)/],
  ["bluesky", "Bluesky post", /^https:\/\/bsky\.app\/profile\/([A-Za-z0-9.:_-]{1,253})\/post\/([a-z0-9]{1,20})(?:[/?#]|$)/],
  ["mastodon", "Mastodon post", /^https:\/\/([a-z0-9.-]{1,253})\/(@[A-Za-z0-9_]{1,30})\/([0-9]{1,20})(?:[/?#]|$)/],
]

export function parseEmbedUrl(url) {
  for (const [provider, label, pattern] of PROVIDERS) {
    const match = pattern.exec(url.trim())
    if (match) return { provider, label, embedId: match.slice(1).join("/"), url: url.trim() }
  }
  return null
}

const labelOf = (provider) => (PROVIDERS.find(([name]) => name === provider) || [])[1] || "Embedded post"

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      provider: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed-provider"),
        renderHTML: (attributes) => ({ "data-embed-provider": attributes.provider }),
      },
      embedId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed-id"),
        renderHTML: (attributes) => ({ "data-embed-id": attributes.embedId }),
      },
      url: {
        default: null,
        parseHTML: (element) => element.querySelector("a")?.getAttribute("href"),
        renderHTML: () => ({}),
      },
    }
  },
  parseHTML() {
    return [{ tag: "figure.embed[data-embed-provider]", priority: 60 }]
  },
  renderHTML({ node, HTMLAttributes }) {
    const label = labelOf(node.attrs.provider)
    return ["figure", { class: "embed", ...HTMLAttributes }, ["a", { href: node.attrs.url }, `${label}: ${node.attrs.url}`]]
  },
  addCommands() {
    return {
      insertEmbed: (attrs) => ({ commands }) => commands.insertContent({ type: this.name, attrs }),
    }
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.material("smart_display", "Embed a video or post"),
      command(editor) {
        const ask = (value, error) =>
          updateAttrsDialog(
            {
              url: {
                type: "string",
                title: error || "Address of a YouTube or Vimeo video, or a Bluesky or Mastodon post",
                required: true,
              },
            },
            { title: "Embed a video or post", submitText: "Embed" },
          )(editor, { url: value }).then((result) => {
            if (!result) return
            const embed = parseEmbedUrl(result.url)
            if (!embed) return ask(result.url, "Not a YouTube, Vimeo, Bluesky or Mastodon address: try again")
            editor.chain().focus().insertEmbed({ provider: embed.provider, embedId: embed.embedId, url: embed.url }).run()
          })
        ask("")
      },
      enabled: (editor) => editor.can().insertEmbed({}),
    })
  },
})
