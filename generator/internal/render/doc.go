// Package render executes the theme's html/template layouts over typed views.
//
// A theme is layouts/*.html (base.html plus one file per kind of page),
// layouts/partials/*.html (the definitions every page can call, one file
// per concept), static/ (copied to the output as it is) and theme.toml
// (files of its npm packages copied too). Each file is looked up in the
// site's own layouts/ and static/, then in themes/<name>/, then in the
// default theme built into gongkai (see Theme). Each view struct below is
// the whole of what one kind of page can show, so a template cannot reach
// into the build's internals, and html/template escapes every value taken
// from content or data.
package render
