// "Copy link to this state" (components/page/shell/url_state.py): copies currentLink(), or
// shows it to copy by hand where the clipboard is refused; formatText is the page's one copy.
/* global currentLink, notice, t */
const link = currentLink();
const say = (copied) => { notice.text = formatText(copied ? t.copied : t.copy_this, {link}); };
if (navigator.clipboard && window.isSecureContext) {
  navigator.clipboard.writeText(link).then(() => say(true), () => say(false));
} else {
  say(false);
}
