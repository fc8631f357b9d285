// Package publish writes the site's machine-readable files: the sitemap and
// robots.txt now, and the downloads, data catalogues, feed and search index as
// the site grows.
package publish
