// Fills a template of components/words/i18n.py: "{name}" -> values.name (left as is when absent).
// The browser twin of Texts.__call__, so one template serves Python and JS.
// eslint-disable-next-line no-unused-vars
function formatText(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}
