// Command benchpages measures how a build grows with the number of content
// pages: it writes a portal of N notices and policy readings (about 3 KB of
// Chinese and English prose each, in two sections), builds it with gongkai
// and, when a hugo binary is given or on PATH, the same Markdown with Hugo
// and a minimal theme of the same shape (a page per file, a paginated list
// per section, a navigation of sections), runs the two interleaved, and
// prints the medians of wall time, CPU time and peak memory, with their
// ratios. gongkai builds without its build cache, as Hugo does; a third
// line ("cached") is gongkai rebuilding the unchanged site with it.
//
//	go run ./generator/cmd/benchpages -gongkai bin/gongkai -pages 1000,10000 -runs 3
//	go run ./generator/cmd/benchpages -o /tmp/pages -pages 100000 -write-only
//
// The pages are deterministic for a given count.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/benchrun"
)

func main() {
	out := flag.String("o", filepath.Join(os.TempDir(), "gongkai-pages"), "the folder to write the sites into")
	counts := flag.String("pages", "1000,10000", "comma-separated page counts")
	runs := flag.Int("runs", 3, "builds per tool and count (medians are printed)")
	gongkai := flag.String("gongkai", "bin/gongkai", "the gongkai binary")
	hugo := flag.String("hugo", "", "the hugo binary (default: hugo on PATH, if any; \"none\" to skip)")
	writeOnly := flag.Bool("write-only", false, "write the sites, build nothing")
	precompress := flag.Bool("precompress", false, "gongkai also writes its .gz and .br copies (Hugo writes none)")
	flag.Parse()
	if err := run(*out, *counts, *runs, *gongkai, *hugo, *writeOnly, *precompress); err != nil {
		fmt.Fprintln(os.Stderr, "benchpages:", err)
		os.Exit(1)
	}
}

func run(out, counts string, runs int, gongkai, hugo string, writeOnly, precompress bool) error {
	var ns []int
	for _, s := range strings.Split(counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-pages %q: want counts such as 1000,10000", counts)
		}
		ns = append(ns, n)
	}
	switch hugo {
	case "none":
		hugo = ""
	case "":
		hugo, _ = exec.LookPath("hugo")
	}
	gk, err := filepath.Abs(gongkai)
	if err != nil {
		return err
	}
	fmt.Printf("%-8s %-8s %10s %10s %10s\n", "pages", "tool", "wall", "cpu", "peak")
	for _, n := range ns {
		dir := filepath.Join(out, strconv.Itoa(n))
		if err := writeSites(dir, n, precompress); err != nil {
			return err
		}
		if writeOnly {
			fmt.Printf("%-8d wrote %s\n", n, dir)
			continue
		}
		// gongkai as Hugo: a whole build (no build cache); then gongkai
		// rebuilding the unchanged site with its cache, warmed first.
		tools := []tool{{"gongkai", filepath.Join(dir, "gongkai"), []string{gk, "build", "--no-cache"}}}
		if hugo != "" {
			tools = append(tools, tool{"hugo", filepath.Join(dir, "hugo"), []string{hugo, "--quiet", "--cleanDestinationDir"}})
		}
		kept := tool{"cached", filepath.Join(dir, "gongkai"), []string{gk, "build"}}
		if _, err := kept.run(); err != nil {
			return err
		}
		tools = append(tools, kept)
		res := make([][]benchrun.Measure, len(tools))
		for range runs { // interleaved, so both see the same machine
			for i, t := range tools {
				m, err := t.run()
				if err != nil {
					return err
				}
				res[i] = append(res[i], m)
			}
		}
		med := make([]benchrun.Measure, len(tools))
		for i, t := range tools {
			med[i] = benchrun.Median(res[i])
			fmt.Printf("%-8d %-8s %9.2fs %9.2fs %7.0f MiB\n", n, t.name, med[i].Wall.Seconds(), med[i].CPU.Seconds(), med[i].PeakMiB)
		}
		if hugo != "" {
			fmt.Printf("%-8d %-8s %9.2f× %9.2f× %9.2f×   (gongkai ÷ hugo)\n", n, "ratio",
				med[0].Wall.Seconds()/med[1].Wall.Seconds(), med[0].CPU.Seconds()/med[1].CPU.Seconds(), med[0].PeakMiB/med[1].PeakMiB)
		}
	}
	return nil
}

type tool struct {
	name, dir string
	argv      []string
}

func (t tool) run() (benchrun.Measure, error) { return benchrun.Run(t.dir, t.argv...) }

// writeSites writes dir/gongkai and dir/hugo, two sites over the same n
// Markdown pages, unless dir already holds them.
func writeSites(dir string, n int, precompress bool) error {
	done := filepath.Join(dir, fmt.Sprintf(".complete-%t", precompress))
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	files := map[string]string{
		// Hugo writes no .gz and .br copies: neither does gongkai here
		// (-precompress measures them too).
		"gongkai/site.toml": "title = \"页面基准\"\nlanguage = \"zh-CN\"\nbase_url = \"https://pages.example/\"\nid = \"tag:pages.example,2026:\"\n\n[output]\nprecompress = " + strconv.FormatBool(precompress) + "\n",
		"hugo/hugo.toml":    hugoConfig,
	}
	for name, body := range hugoLayouts {
		files["hugo/layouts/"+name] = body
	}
	for _, s := range sections {
		index := fmt.Sprintf("---\ntitle: %s\n---\n\n%s\n", s.title, s.intro)
		files["gongkai/content/"+s.name+"/_index.md"] = index
		files["hugo/content/"+s.name+"/_index.md"] = index
	}
	for name, body := range files {
		if err := writeFile(filepath.Join(dir, name), body); err != nil {
			return err
		}
	}
	var b strings.Builder
	for i := range n {
		s := sections[i%len(sections)]
		b.Reset()
		page(&b, i, n)
		name := fmt.Sprintf("%s/p%06d.md", s.name, i)
		for _, site := range []string{"gongkai", "hugo"} {
			if err := writeFile(filepath.Join(dir, site, "content", name), b.String()); err != nil {
				return err
			}
		}
	}
	return writeFile(done, "")
}

func writeFile(name, body string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(body), 0o644)
}

var sections = []struct{ name, title, intro string }{
	{"notices", "通知公告", "本栏目发布本级政府及其部门的通知、公告。"},
	{"readings", "政策解读", "本栏目解读本级政府出台的政策文件。"},
}

// page writes page i of n: front matter, then about 3 KB of headings,
// paragraphs, a list, emphasis and a link to a neighbouring page.
func page(b *strings.Builder, i, n int) {
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%3650)
	fmt.Fprintf(b, "---\ntitle: 关于做好第%d批社区服务项目的通知 (Notice %d)\ndate: %s\nsummary: 第%d号通知的摘要。\n---\n\n", i+1, i+1, day.Format(time.DateOnly), i+1)
	next := (i + len(sections)) % n
	for k := range 3 {
		fmt.Fprintf(b, "## %s（%d）\n\n", headings[(i+k)%len(headings)], k+1)
		for j := range 2 {
			b.WriteString(prose[(i+j+k)%len(prose)])
			b.WriteString("\n\n")
		}
		fmt.Fprintf(b, "- 责任单位：%s\n- 完成时限：%d年底前\n- 联系人：*办公室*，电话 020-%08d\n\n", units[(i+k)%len(units)], 2015+(i+k)%6, 10000000+i)
	}
	fmt.Fprintf(b, "See also [the next notice](/%s/p%06d/) and **the annual plan**.\n", sections[next%len(sections)].name, next)
}

var headings = []string{"工作目标", "主要任务", "保障措施", "Background", "实施步骤", "Scope"}

var units = []string{"省民政厅", "省人力资源社会保障厅", "省财政厅", "各地级以上市人民政府", "省发展改革委"}

var prose = []string{
	"为贯彻落实省委、省政府关于加强社会建设的决定，进一步完善基本公共服务体系，推进城乡社区服务设施建设，提高社区服务水平，现就有关事项通知如下。各地要高度重视，加强组织领导，明确责任分工，确保各项工作落到实处。",
	"The department will publish the list of projects, their budgets and their progress every quarter, so that residents can see what was promised and what was delivered. Questions may be sent to the office named below within thirty days of publication.",
	"各级财政部门要按照预算管理的有关规定，统筹安排资金，保障项目实施。项目资金实行专账管理、专款专用，任何单位和个人不得截留、挤占、挪用。审计部门要加强对资金使用情况的监督检查。",
	"Community service centres shall open at least five days a week and offer registration, social assistance, elderly care and employment services in one place. Each centre publishes its opening hours, services and the name of the person responsible.",
	"建立健全考核评价机制，将社区服务项目完成情况纳入各地政府绩效考核内容。对工作成效明显的单位和个人给予表扬，对工作不力、进度滞后的予以通报批评并限期整改。",
	"Applications are assessed against the published criteria by a panel of at least five members, two of whom come from outside government. The scores and the reasons for each decision are made public on this portal.",
}

const hugoConfig = `baseURL = "https://pages.example/"
languageCode = "zh-CN"
title = "页面基准"
disableKinds = ["taxonomy", "term", "RSS"]
[pagination]
  pagerSize = 30
[markup.goldmark.renderer]
  unsafe = false
[[menus.main]]
  name = "通知公告"
  pageRef = "/notices"
[[menus.main]]
  name = "政策解读"
  pageRef = "/readings"
`

// hugoLayouts is a minimal theme of the shape of gongkai's pages: a
// navigation of the sections, the page with its date and summary, lists
// of 30 with a pager.
var hugoLayouts = map[string]string{
	"baseof.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body><nav><a href="/">{{ site.Title }}</a>{{ range site.Menus.main }} <a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary }}</p>{{ .Content }}</article>{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">上一页</a>{{ end }} {{ .PageNumber }}/{{ .TotalPages }} {{ if .HasNext }}<a href="{{ .Next.URL }}">下一页</a>{{ end }}{{ end }}{{ end }}
`,
	"home.html": `{{ define "main" }}<h1>{{ site.Title }}</h1><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
`,
}
