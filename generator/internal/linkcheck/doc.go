// Package linkcheck finds the internal links of a built site that go
// nowhere: to a page or file the build did not write, to an #anchor the
// target page has no id for, or to an address outside the site's base path.
//
// It reads each HTML page once, as it is written, and keeps only what the
// check needs: the site's file names, each page's ids, and each distinct
// link with the first place it occurs. The work is linear in the size of the
// output. Pages are read as html/template and goldmark write them:
// attributes in double quotes, with quotes inside text and scripts escaped.
package linkcheck
