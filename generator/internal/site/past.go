package site

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/history"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/track"
)

// PastBuild is what the build of an earlier commit published: each
// commitment's verdict. The feed announces what changed from one build to
// the next.
type PastBuild struct {
	Commit   string
	Time     time.Time                  // the commit's time
	Verdicts map[string]CommitmentState // by commitment id
}

// CommitmentState is a commitment's verdict in one build.
type CommitmentState struct {
	Indicator   string
	Deadline    string // as the site writes it: 2015年
	Status      track.Status
	Explanation string
	Sample      bool
}

// Inputs are the files a build reads but for the theme, which decides no
// verdict: what a commit must change to make a different build.
var Inputs = []string{"site.toml", "content", "data"}

// PastOptions bound what PastBuilds reads.
type PastOptions struct {
	Commits int // how many of the last commits that changed the inputs
	// MaxBytes stops reading earlier commits once this much of their files
	// has been read from git (0: no bound). A count of bytes, not a time,
	// so the same history always gives the same builds.
	MaxBytes int64
	// Seed is what this build read (when its files carry git's content ids:
	// see history.Repo.WithContentIDs); it is not changed. nil: none.
	Seed *Reuse
}

// PastBuilds reads from git the builds of the last commits that changed the
// site's settings, content or data, newest first, as `gongkai build` made
// them then: each judged as of its own site.toml's as_of, else its commit's
// day. A commit whose files had errors published nothing and is left out.
// Unchanged files are read once: datasets, pages and metrics are kept from
// one commit to the next while their files read the same, starting from the
// seed. It stops early, and says so with short, once MaxBytes have been
// read.
func PastBuilds(repo *history.Repo, o PastOptions) (builds []PastBuild, short bool, err error) {
	revs, err := repo.Revisions(o.Commits, Inputs...)
	if err != nil {
		return nil, false, err
	}
	var out []PastBuild
	reuse := o.Seed.clone()
	start := repo.BytesRead()
	for _, rev := range revs {
		if o.MaxBytes > 0 && repo.BytesRead()-start >= o.MaxBytes {
			return out, true, nil
		}
		tree, err := repo.Tree(rev.Commit, Inputs...)
		if err != nil {
			return nil, false, err
		}
		verdicts, ok := verdictsOf(tree, Options{Today: rev.Time, reuse: reuse})
		if ok {
			out = append(out, PastBuild{Commit: rev.Commit, Time: rev.Time, Verdicts: verdicts})
		}
	}
	return out, false, nil
}

// later starts read in the background and returns a function that waits
// for its result.
func later(read func() []PastBuild) func() []PastBuild {
	done := make(chan []PastBuild, 1)
	go func() { done <- read() }()
	return sync.OnceValue(func() []PastBuild { return <-done })
}

// verdictsOf loads and checks the site in src and returns its commitments'
// verdicts; ok is false when the site has errors (it could not be built).
// An earlier commit's files are old input this build did not choose: if
// reading them fails in a way this version of gongkai does not expect, that
// commit is left out rather than this build stopped.
func verdictsOf(src fs.FS, opts Options) (_ map[string]CommitmentState, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	var diags diag.List
	in, err := load(src, opts, nil, &diags)
	if err != nil {
		return nil, false
	}
	validate(in, &diags)
	if diags.HasErrors() {
		return nil, false
	}
	judge(in)
	return verdicts(in.commitments), true
}

func verdicts(cs []*commitment) map[string]CommitmentState {
	out := make(map[string]CommitmentState, len(cs))
	for _, c := range cs {
		out[string(c.row.ID)] = CommitmentState{Indicator: string(c.row.Indicator), Deadline: c.eval.Deadline.StringIn(c.eval.Lang), Status: c.result.Status,
			Explanation: c.result.Explanation, Sample: c.sample || c.result.Sample}
	}
	return out
}

// statusChange is a commitment's status changing from one build to the next.
type statusChange struct {
	id       string
	when     time.Time
	from, to CommitmentState
}

// registered is the commitments a build added to the registry, by status.
type registered struct {
	when     time.Time
	byStatus map[track.Status]int
	n        int
}

// statusHistory is every change of a commitment's status between
// consecutive builds, newest first: the past ones, dated by their commits,
// and this one where it differs from the newest past build (a change not
// committed yet, or a later as-of day), dated its as-of day — or a second
// after the newest commit, when that is later: the change cannot be older
// than the commit. It also gives the commitments each build newly
// registered. Without past builds there is neither.
func statusHistory(cs []*commitment, asOf string, past []PastBuild) ([]statusChange, []registered) {
	if len(past) == 0 {
		return nil, nil
	}
	now, _ := time.Parse(time.DateOnly, asOf)
	if after := past[0].Time.Add(time.Second); after.After(now) {
		now = after
	}
	builds := append([]PastBuild{{Time: now, Verdicts: verdicts(cs)}}, past...)
	var changes []statusChange
	var added []registered
	for i := range len(builds) - 1 {
		now, before := builds[i], builds[i+1]
		ids := slices.Sorted(maps.Keys(now.Verdicts))
		reg := registered{when: now.Time, byStatus: map[track.Status]int{}}
		for _, id := range ids {
			v := now.Verdicts[id]
			old, existed := before.Verdicts[id]
			switch {
			case !existed:
				reg.byStatus[v.Status]++
				reg.n++
			case old.Status != v.Status:
				changes = append(changes, statusChange{id: id, when: now.Time, from: old, to: v})
			}
		}
		if reg.n > 0 {
			added = append(added, reg)
		}
	}
	return changes, added
}

// statusEntries announces every change of a commitment's status (see
// statusHistory), and each build's newly registered commitments as one
// entry, not one each: a registry is often entered many rows at a time.
func statusEntries(m *model) []publish.FeedEntry {
	changes, added := m.statusHistory()
	tr := m.tr
	var out []publish.FeedEntry
	for _, c := range changes {
		v := c.to
		summary := v.Explanation
		if v.Sample && !strings.Contains(summary, tr.T("sample.badge")) {
			summary += tr.T("feed.sample_judged")
		}
		out = append(out, publish.FeedEntry{
			Title: tr.T("feed.status_change", "indicator", v.Indicator, "deadline", v.Deadline, "from", c.from.Status.LabelIn(tr.Lang), "to", v.Status.LabelIn(tr.Lang)),
			Path:  "/commitments/" + c.id + "/", Updated: c.when, Summary: summary})
	}
	for _, r := range added {
		var parts []string
		for _, st := range track.Statuses {
			if r.byStatus[st] > 0 {
				parts = append(parts, tr.T("feed.status_count", "status", st.LabelIn(tr.Lang), "n", r.byStatus[st]))
			}
		}
		out = append(out, publish.FeedEntry{Title: tr.T("feed.registered_title", "n", r.n), Path: "/commitments/", Updated: r.when,
			Summary: tr.T("feed.registered", "n", r.n, "statuses", strings.Join(parts, tr.T("chart.list_sep")))})
	}
	return out
}

// clone is a Reuse holding what r holds, for builds that must not change r.
func (r *Reuse) clone() *Reuse {
	if r == nil {
		return &Reuse{}
	}
	return &Reuse{data: *r.data.Clone(), content: *r.content.Clone(), docs: maps.Clone(r.docs), metrics: maps.Clone(r.metrics)}
}
