package site

import (
	"fmt"
	"io"
	"io/fs"
	"sync"

	"gongkai/generator/internal/history"
)

// A Builder builds the site in one source folder: once (gongkai build) or
// after every edit (gongkai serve). It owns what its builds share: what the
// last build read, so the next reads again only the files that changed;
// the git repository the folder is in; and the builds of earlier commits,
// whose status changes the feed announces.
type Builder struct {
	dir   string // the source folder
	fsys  fs.FS  // its files
	repo  *history.Repo
	reuse Reuse
	warn  io.Writer
	serve bool
	once  func() []PastBuild // serving: the past builds, read at the first build
	told  bool               // the history's problem was told once
}

// BuilderOptions say how a Builder works.
type BuilderOptions struct {
	// Warn receives what could not be read from git, as warnings: a site
	// outside git, or on a machine without it, is built without the dates
	// and status changes git gives.
	Warn io.Writer
	// Serve: the builds follow edits. The builds of earlier commits are
	// read once, at the first build (commits made while serving show at
	// the next start), and files are read from the folder as they are.
	Serve bool
}

// NewBuilder returns a builder of the site in the folder dir, whose files
// are fsys (an os.Root of dir, for one). Close it when done.
func NewBuilder(dir string, fsys fs.FS, o BuilderOptions) *Builder {
	b := &Builder{dir: dir, fsys: fsys, warn: o.Warn, serve: o.Serve}
	if b.warn == nil {
		b.warn = io.Discard
	}
	repo, err := history.Open(dir)
	if err != nil {
		fmt.Fprintln(b.warn, "gongkai: warning: cannot read the git history, so the feed announces no status changes:", err)
	}
	b.repo = repo
	if repo != nil && o.Serve {
		b.once = sync.OnceValue(func() []PastBuild { return b.pastBuilds(nil) })
	}
	return b
}

// Close releases the repository.
func (b *Builder) Close() error { return b.repo.Close() }

// pastReading bounds the builds of earlier commits the feed's status
// changes span: the last 10 commits that changed the inputs, as long as
// their changed files come to less than 256 MB.
var pastReading = PastOptions{Commits: 10, MaxBytes: 256 << 20}

// Build builds the site into out, as Build does, with what the builder
// keeps: the last build's files, the commits' dates and the earlier
// builds.
func (b *Builder) Build(opts Options, out Sink) (Report, error) {
	opts.reuse = &b.reuse
	opts.Preview = opts.Preview || b.serve
	opts.history = b.gitLog()
	fsys := b.fsys
	switch {
	case b.repo == nil:
	case b.serve:
		opts.past = b.once
	default:
		// Files unchanged since the index carry git's content ids, so the
		// builds of earlier commits take what this one read for them.
		if f, err := b.repo.WithContentIDs(fsys, Inputs...); err == nil {
			fsys = f
		}
		opts.past = func() []PastBuild { return b.pastBuilds(&b.reuse) }
	}
	return Build(fsys, opts, out)
}

// gitLog reads the commits that touched the site's files; outside git (or
// without git) the site gives no dates from it, and says so once.
func (b *Builder) gitLog() []history.Commit {
	commits, err := history.Log(b.dir, "data", "content", "themes", "layouts", "static", "site.toml")
	if err != nil && !b.told {
		b.told = true
		fmt.Fprintln(b.warn, "gongkai: warning: cannot read the git history, so the site gives no commit dates:", err)
	}
	return commits
}

// pastBuilds reads the builds of the last commits from git, starting from
// what this build read (seed; nil: nothing).
func (b *Builder) pastBuilds(seed *Reuse) []PastBuild {
	o := pastReading
	o.Seed = seed
	past, short, err := PastBuilds(b.repo, o)
	switch {
	case err != nil:
		fmt.Fprintln(b.warn, "gongkai: warning: cannot read the git history, so the feed announces no status changes:", err)
	case short:
		fmt.Fprintf(b.warn, "gongkai: note: the feed's status changes go back %d commits, not %d: the data those commits changed comes to more than %d MB\n", len(past), o.Commits, o.MaxBytes>>20)
	}
	return past
}
