// A tab's view joins the page when its tab is first opened (components/page/exercises/tabs.py):
// built in Python with the page, it waited in this callback, so that the browser renders the
// shown view at load and each other one only when someone opens it. Its holder's change of
// children then runs view_arrived.js (the page's labels and the view's own first render).
/* global tabs, holders, views */
const holder = holders[tabs.active];
const view = views[tabs.active];
if (holder && view && !holder.children.includes(view)) holder.children = [view];
