// Package i18n gives the interface's words in the site's language: the
// translation tables a theme ships (i18n/<lang>.toml, key = "text" with
// {placeholders}), and numbers and dates written as that language writes them.
//
// A table is complete or it is an error: a key missing from the table of the
// site's language stops the build with the key and the table named, and is
// never filled from another language.
package i18n
