// Package render executes the theme's html/template layouts over typed views.
//
// A theme is a folder under themes/: layouts/*.html (base.html plus one file per
// kind of page) and static/ (copied to the output as it is). Each view struct
// below is the whole of what one kind of page can show, so a template cannot
// reach into the build's internals, and html/template escapes every value taken
// from content or data.
package render
