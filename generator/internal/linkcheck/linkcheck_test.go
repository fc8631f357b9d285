package linkcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	pages := map[string]string{
		"index.html": `<a href="/portal/a/">a</a> <a href="/portal/a/#x">x</a> <a href="#top" id="top">top</a>
<img src="/portal/assets/logo.svg"> <a href="https://example.org/nowhere/">web</a> <a href="mailto:a@b.cn">mail</a>
<a href="/portal/%e5%b9%bf%e5%b7%9e/">city</a> <a href="?year=2015">filter</a> <a href="/portal/data/x.csv" download>csv</a>`,
		"a/index.html": `<h2 id="x">x</h2><p data-id="y">not an id</p>
<a href="../">up</a> <a href="/portal/a/#y">y</a> <a href="/portal/gone/">gone</a>
 <a href="/elsewhere/">outside</a> <a href="/portal/data/x.csv#row">csv row</a> <a href="/portal/a/#%e4%b8%80">一</a>`,
		"广州/index.html": `<h2 id="一">一</h2><a href="/portal/gone/">gone again</a> <a href="/portal/a/#x">x</a>
<p>见<a href="/portal/广州/#二">第二</a></p>`,
	}
	c := New("/portal/")
	c.File("assets/logo.svg")
	c.File("data/x.csv")
	for _, name := range []string{"index.html", "a/index.html", "广州/index.html"} {
		c.Page(name, []byte(pages[name]))
	}
	var got []string
	for _, b := range c.Check() {
		got = append(got, b.Page+":"+itoa(b.Line)+":"+itoa(b.Col)+": "+b.Message())
	}
	want := []string{
		`a/index.html:2:25: link "/portal/a/#y" goes nowhere: /portal/a/ has no id "y"`,
		`a/index.html:2:54: link "/portal/gone/" goes nowhere: the site has no page /portal/gone/ (and 1 other pages link there)`,
		`a/index.html:3:5: link "/elsewhere/" goes nowhere: /elsewhere/ is outside the site, which is published under /portal/`,
		`a/index.html:3:39: link "/portal/data/x.csv#row" goes nowhere: /portal/data/x.csv is not a page, so it has no #row`,
		`a/index.html:3:84: link "/portal/a/#%e4%b8%80" goes nowhere: /portal/a/ has no id "一"`,
		`广州/index.html:2:8: link "/portal/广州/#二" goes nowhere: /portal/广州/ has no id "二"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c.Pages() != 3 {
		t.Errorf("read %d pages, want 3", c.Pages())
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	if s == "" {
		return "0"
	}
	return s
}

// BenchmarkPage measures reading one large page (a long list of links and ids).
func BenchmarkPage(b *testing.B) {
	var sb strings.Builder
	for i := range 5000 {
		sb.WriteString(`<tr id="r` + itoa(i) + `"><td><a href="/orgs/` + itoa(i%50) + `/#r1">组织名称</a></td><td class="num">12,345</td></tr>` + "\n")
	}
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		c := New("/")
		c.Page("index.html", page)
	}
}
