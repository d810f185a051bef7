// The static export and the served page (components/page/shell/language.py): a ?lang= that is
// not the page's language (the file's; or, served, none the app has) is said, not ignored. The notice is filled in Python but for the requested code,
// quoted as Python's unknown_language_notice quotes it (40 characters, counted as Python counts
// them: by code point). Split and join, not replace: a "$&" in the link must stay as typed.
/* global aliases, lang, notice, template */
const requested = new URLSearchParams(window.location.search).get("lang");
if (requested === null || requested.trim() === "") return;  // none or empty: as served, no notice
const key = requested.trim().toLowerCase();
if (Object.hasOwn(aliases, key) && aliases[key] === lang) return;
const chars = Array.from(requested);
const shown = chars.length <= 40 ? requested : `${chars.slice(0, 40).join("")}…`;
notice.text = template.split("{code}").join(shown);
notice.visible = true;
