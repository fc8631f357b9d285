package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"gongkai/generator/internal/data"
)

// The build cache's second part keeps what a build worked out from a
// dataset that is slow to work out again: what reading and checking it
// found (data.Snapshots), each metric's points, the budget sums. A result
// is a pure function of the dataset's bytes (its data.Digest), the
// settings it was worked out with and gongkai's version, and is found by a
// SHA-256 of exactly those (results.key): a build whose budgets file is the
// one of the last build takes the last build's sums instead of going
// through a million rows again, and one whose budgets file changed by one
// byte works them out anew. What a build takes from here is what it would
// have worked out.
//
// Each result is one file, holding the SHA-256 of its bytes before them,
// written whole or not at all (a temporary file renamed into place): a
// file that is cut short or changed is a miss, never a wrong result.
// Nothing here is ever an error: deleting the folder, or any file in it,
// only makes the next build slower. As the downloads, the results the last
// two builds used are kept and the rest deleted (finish).
//
// Layout of CacheFolder(dest):
//
//	results/<key>          a result: its SHA-256, then its bytes (gob)
//	results/builds.json    the keys each of the last builds used, newest first
//	results/tmp/           files being written
type results struct {
	dir, version string
	mu           sync.Mutex
	used         map[string]bool
}

// resultsFormat changes whenever the keys or the files' form change.
const resultsFormat = "gongkai build results 1"

// openResults opens the results in the cache folder for a build by gongkai
// version; nil — none — as openCache.
func openResults(folder, version string) *results {
	if folder == "" || version == "" {
		return nil
	}
	r := &results{dir: filepath.Join(folder, "results"), version: version, used: map[string]bool{}}
	if os.MkdirAll(filepath.Join(r.dir, "tmp"), 0o755) != nil {
		return nil
	}
	return r
}

// key sums up what a result is worked out from: its kind ("metric",
// "budget sums"…) and each of its inputs, as exact text.
func (r *results) key(kind string, inputs ...string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%q\n%q\n", resultsFormat, r.version, kind)
	for _, in := range inputs {
		fmt.Fprintf(h, "%q\n", in)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// get decodes the result of key into v, reporting whether it was there
// whole. Without results (nil) it finds none.
func (r *results) get(key string, v any) bool {
	if r == nil {
		return false
	}
	b, err := os.ReadFile(filepath.Join(r.dir, key))
	ok := err == nil && len(b) >= sha256.Size
	if ok {
		sum := sha256.Sum256(b[sha256.Size:])
		ok = bytes.Equal(sum[:], b[:sha256.Size]) && gob.NewDecoder(bytes.NewReader(b[sha256.Size:])).Decode(v) == nil
	}
	if ok {
		r.mu.Lock()
		r.used[key] = true
		r.mu.Unlock()
	}
	return ok
}

// put keeps v as the result of key, if it can.
func (r *results) put(key string, v any) {
	if r == nil {
		return
	}
	var b bytes.Buffer
	b.Write(make([]byte, sha256.Size))
	if gob.NewEncoder(&b).Encode(v) != nil {
		return
	}
	sum := sha256.Sum256(b.Bytes()[sha256.Size:])
	copy(b.Bytes(), sum[:])
	if r.writeAtomic(filepath.Join(r.dir, key), b.Bytes()) != nil {
		return
	}
	r.mu.Lock()
	r.used[key] = true
	r.mu.Unlock()
}

func (r *results) writeAtomic(name string, b []byte) error {
	return writeAtomic(filepath.Join(r.dir, "tmp"), name, b)
}

// finish ends the build's use of the results: when the build succeeded, it
// records the keys it used and deletes the results neither it nor the
// build before it used.
func (r *results) finish(ok bool) {
	if r == nil {
		return
	}
	defer func() {
		tmp, _ := os.ReadDir(filepath.Join(r.dir, "tmp"))
		for _, f := range tmp {
			_ = os.RemoveAll(filepath.Join(r.dir, "tmp", f.Name()))
		}
	}()
	if !ok {
		return
	}
	used := make([]string, 0, len(r.used))
	for k := range r.used {
		used = append(used, k)
	}
	var builds [][]string
	list := filepath.Join(r.dir, "builds.json")
	if b, err := os.ReadFile(list); err != nil || json.Unmarshal(b, &builds) != nil {
		builds = nil
	}
	builds = append([][]string{used}, builds...)
	builds = builds[:min(len(builds), keepBuilds)]
	if b, err := json.Marshal(builds); err == nil {
		_ = r.writeAtomic(list, b)
	}
	kept := map[string]bool{}
	for _, keys := range builds {
		for _, k := range keys {
			kept[k] = true
		}
	}
	files, _ := os.ReadDir(r.dir)
	for _, f := range files {
		if name := f.Name(); !kept[name] && name != "tmp" && name != "builds.json" {
			_ = os.RemoveAll(filepath.Join(r.dir, name))
		}
	}
}

// keptResult is what work works out from the dataset d, as described by
// what (which must name everything else it depends on): taken from kept
// when a build of the same bytes of d kept it, else worked out — and kept
// when it succeeded and d's files did not change meanwhile.
func keptResult[T any](kept *results, d *data.Dataset, what string, work func() (T, error)) (T, error) {
	sum, ok := d.Digest()
	if kept == nil || !ok {
		return work()
	}
	key := kept.key(what, hex.EncodeToString(sum[:]))
	var v T
	if kept.get(key, &v) {
		return v, nil
	}
	v, err := work()
	if err == nil && d.Unchanged() {
		kept.put(key, v)
	}
	return v, err
}

// snapshots are the datasets' snapshots (data.Snapshots) kept as results.
type snapshots struct{ r *results }

func snapshotKey(r *results, digest [32]byte) string {
	return r.key("dataset snapshot", hex.EncodeToString(digest[:]))
}

func (s snapshots) Get(digest [32]byte) ([]byte, bool) {
	var b []byte
	ok := s.r.get(snapshotKey(s.r, digest), &b)
	return b, ok
}

func (s snapshots) Put(digest [32]byte, b []byte) { s.r.put(snapshotKey(s.r, digest), b) }
