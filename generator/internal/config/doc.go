// Package config reads site.toml, the site's settings, strictly.
//
// Every key must be one Config declares: a misspelt key is an error naming the
// key and its line, not a setting silently ignored. Defaults are explicit in
// Default.
package config
