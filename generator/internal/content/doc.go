// Package content turns the Markdown files under content/ into typed pages.
//
// A page is front matter plus a Markdown body. The front matter is split off by
// this package's own code (see SplitFrontMatter) and decoded strictly into Meta:
// every key must be known, every value keeps the type Meta declares (YAML's
// `no` stays the text "no", `010` is not an octal number), and every problem is
// reported at its file, line and column. goldmark lives here and nowhere else:
// other packages get rendered HTML and a flat list of blocks with their lines.
package content
