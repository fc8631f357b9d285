// Package e2e tests the built site in a real browser (headless Chromium):
// what only a browser can show, such as console errors, requests to other
// hosts, scrolling to a clause anchor and the layout on a phone.
package e2e
