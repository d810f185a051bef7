// The language button (components/page/shell/language.py): the page in the chosen language, at
// the state the controls hold now (currentLink, not the address bar, which lags 250 ms).
/* global currentLink, select, lang */
if (select.value === lang) return;
const url = new URL(currentLink());
url.searchParams.set("lang", select.value);
window.location.assign(url.toString());
