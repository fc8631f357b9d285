package rootfs

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func tree(t *testing.T) (string, *os.Root) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"site.toml":                []byte("title = \"x\"\n"),
		"content/about.md":         []byte("---\ntitle: 关于\n---\n正文\n"),
		"content/notices/p1.md":    bytes.Repeat([]byte("通知。"), 3000), // larger than a first read
		"content/notices/empty.md": nil,
	}
	for name, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, root
}

// The files read as through os.Root.FS, and the file system passes
// testing/fstest's checks of every fs interface it implements.
func TestReadsAsRoot(t *testing.T) {
	_, root := tree(t)
	fsys := FS(root)
	if err := fstest.TestFS(fsys, "site.toml", "content/about.md", "content/notices/p1.md", "content/notices/empty.md"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"site.toml", "content/about.md", "content/notices/p1.md", "content/notices/empty.md"} {
		got, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fs.ReadFile(root.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: read %d bytes, os.Root reads %d", name, len(got), len(want))
		}
	}
}

// Nothing outside the root is reached: not through "..", an absolute
// path or a link leading out.
func TestStaysInside(t *testing.T) {
	dir, root := tree(t)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content", "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	fsys := FS(root)
	for _, name := range []string{"../secret.txt", outside, "content/../../secret.txt", "content/link.md"} {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("%s: read %q, want an error", name, b)
		}
		if f, err := fsys.Open(name); err == nil {
			f.Close()
			t.Errorf("%s: opened, want an error", name)
		}
	}
	if _, err := fs.Stat(fsys, "content/link.md"); err == nil {
		t.Error("Stat followed a link out of the root")
	}
	if fi, err := fs.Lstat(fsys, "content/link.md"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat of the link: %v, %v", fi, err)
	}
}

// A file linked from another folder of the root reads, as through
// os.Root, though its folder's own root would refuse the link.
func TestLinkInsideRoot(t *testing.T) {
	dir, root := tree(t)
	if err := os.Symlink("../site.toml", filepath.Join(dir, "content", "site.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	fsys := FS(root)
	if _, err := fs.ReadFile(fsys, "content/about.md"); err != nil { // its folder is now kept open
		t.Fatal(err)
	}
	got, err := fs.ReadFile(fsys, "content/site.md")
	if err != nil || string(got) != "title = \"x\"\n" {
		t.Errorf("read %q, %v", got, err)
	}
}

// A folder replaced between two reads is read as it is after Forget.
func TestForget(t *testing.T) {
	dir, root := tree(t)
	fsys := FS(root)
	if _, err := fs.ReadFile(fsys, "content/notices/p1.md"); err != nil {
		t.Fatal(err)
	}
	notices := filepath.Join(dir, "content", "notices")
	if err := os.Rename(notices, notices+"-old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notices, "p1.md"), []byte("新"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "nowhere/p1.md"); err == nil { // a folder that cannot be opened is remembered too
		t.Fatal("read a file of a folder that does not exist")
	}
	fsys.Forget()
	got, err := fs.ReadFile(fsys, "content/notices/p1.md")
	if err != nil || string(got) != "新" {
		t.Errorf("after Forget: read %q, %v; want the new folder's file", got, err)
	}
	if _, err := fs.ReadFile(fsys, "content/notices/empty.md"); err == nil {
		t.Error("after Forget: read a file of the old folder")
	}
}
