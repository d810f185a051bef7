// The address bar follows the controls and the open tab (components/page/shell/url_state.py).
/* global writeLinkSoon */
writeLinkSoon();
