// Package site is the build's only orchestrator: it runs the pipeline
// load → validate → compute → render → write over a source folder and
// publishes the result atomically.
//
// Build reads everything through an fs.FS (tests use fstest.MapFS; the CLI
// passes an os.Root so nothing outside the project is read) and writes through
// a Sink. Publish gives Build a Sink that writes into a staging folder beside
// the destination and swaps it in only when the whole build succeeded, so a
// failed build leaves the published site exactly as it was.
package site
