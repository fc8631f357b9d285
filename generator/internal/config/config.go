package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"gongkai/generator/internal/diag"
)

// File is the settings file's name in the source folder.
const File = "site.toml"

// Config is the decoded site.toml.
type Config struct {
	Title       string    `toml:"title"`       // the portal's name, shown on every page
	Description string    `toml:"description"` // one sentence saying what the portal is
	BaseURL     string    `toml:"base_url"`    // the address the site is published at, ending in "/" (see BaseURL)
	ID          string    `toml:"id"`          // the site's id, set once: the feed's ids are made from it (see SiteID)
	Language    string    `toml:"language"`    // BCP 47 language of the pages, e.g. zh-CN
	AsOf        string    `toml:"as_of"`       // fixed "today" (YYYY-MM-DD) for statuses; empty = build date
	Theme       string    `toml:"theme"`       // folder under themes/
	License     License   `toml:"license"`     // licence of the site's own content
	Publisher   Publisher `toml:"publisher"`   // who runs the site: the footer's 主办/承办单位, 备案 numbers, contact; data.json
	Footer      Footer    `toml:"footer"`      // the portal's own sentence in every page's footer
	Policy      Policy    `toml:"policy"`      // what the policy pages say about this portal's texts
	Search      Search    `toml:"search"`      // the search page's example queries
	Catalog     Catalog   `toml:"catalog"`     // keywords, place and federal codes of the data catalogues
	Data        Data      `toml:"data"`        // how the CSV files under data/ are written
	Metrics     []Metric  `toml:"metric"`      // progress series computed from datasets
	Output      Output    `toml:"output"`      // what a build writes beside the site's files

	BaseURLLine int `toml:"-"` // the line of site.toml that sets base_url; 0 when it is left out
}

// Metric declares a progress series computed from a dataset; a commitment
// whose measure names its id is measured by it. See track.Metric for the
// meaning of each value.
type Metric struct {
	ID           string            `toml:"id"`
	Title        string            `toml:"title"`
	Dataset      string            `toml:"dataset"`
	Year         string            `toml:"year"`
	Snapshot     int               `toml:"snapshot"` // instead of year: every row describes the end of this year
	Value        string            `toml:"value"`    // count, sum, mean, share, filled, groups or ratio
	Column       string            `toml:"column"`
	Where        map[string]string `toml:"where"`
	SeriesColumn string            `toml:"series_column"`
	Numerator    string            `toml:"numerator"`
	Denominator  string            `toml:"denominator"`
	Scale        float64           `toml:"scale"`
	Group        string            `toml:"group"`
	Match        map[string]string `toml:"match"`
	Per          *Per              `toml:"per"` // divide by another dataset's totals, e.g. residents
	Line         int               `toml:"-"`   // the line of site.toml that sets its id
}

// Per is the denominator of a "per residents" metric: the sum of Column over
// the rows of Dataset in each year, times the metric's scale.
type Per struct {
	Dataset string `toml:"dataset"`
	Year    string `toml:"year"`
	Column  string `toml:"column"`
}

// Data declares how numbers and missing values are written in the CSV files.
// They are rules staff state once, so no value is ever guessed.
type Data struct {
	Thousands      string   `toml:"thousands"`       // thousands separator: "," (default), "." , " " or "" for none
	Decimal        string   `toml:"decimal"`         // decimal mark: "." (default) or ","
	MissingValues  []string `toml:"missing_values"`  // cell texts that mean "no value" besides a blank cell, e.g. ["NA", "-"]
	FullWidth      bool     `toml:"fullwidth"`       // read full-width digits (１２３) as digits; false makes them an error
	ParenNegatives bool     `toml:"paren_negatives"` // read accounting negatives "(1,234)" as -1234; false makes them an error
	MaxFileMB      int      `toml:"max_file_mb"`     // largest CSV file read
	// KeepMB is the memory a dataset's rows may be kept in after it is read,
	// for its pages, metrics and downloads; one that needs more is read
	// again for each of them. 0 keeps none.
	KeepMB int `toml:"keep_mb"`
}

// Publisher is who runs the portal and publishes its data, and how to reach
// them: what a Chinese government site shows in its footer (every field is
// optional and shown when set). The name is the publisher of every
// catalogue (/catalog.jsonld, the datasets' JSON-LD, /data.json).
type Publisher struct {
	Name         string `toml:"name"`                // who publishes the data (the catalogues' publisher)
	Email        string `toml:"email"`               // their open-data contact (the catalogues' contact point)
	Sponsor      string `toml:"sponsor"`             // 主办单位
	Organizer    string `toml:"organizer"`           // 承办单位
	ICP          string `toml:"icp"`                 // ICP备案号, e.g. 粤ICP备12345678号
	ICPURL       string `toml:"icp_url"`             // where the ICP number links: the MIIT filing site
	PublicSec    string `toml:"public_security"`     // 公网安备 number, e.g. 粤公网安备 44010402000001号
	PublicSecURL string `toml:"public_security_url"` // where it links: its record on the MPS filing site
	SiteCode     string `toml:"site_code"`           // 网站标识码, e.g. 4400000001
	ErrorReport  string `toml:"error_report"`        // 找错: an email address, a form's http(s) address or a site path
	Feedback     string `toml:"feedback"`            // 意见建议: the same
}

// Footer is the portal's own text in every page's footer.
type Footer struct {
	// Text is a paragraph under the site's name and description, such as
	// where the texts come from. Links are written [words](/about/#id) or
	// [words](https://…); everything else is plain text.
	Text string `toml:"text"`
}

// Policy holds what the policy pages say about this portal's texts.
type Policy struct {
	// RepostNote follows "网络转载页，非官方原件" on a document taken from
	// a repost (front matter repost: true), e.g. what was repaired; links as in Footer.Text.
	RepostNote string `toml:"repost_note"`
}

// Search holds the search page's settings.
type Search struct {
	Placeholder string `toml:"placeholder"` // shown in the empty search box, e.g. 例如：社工、直选
	// Synonyms adds to the language's abbreviations (search.abbreviations in
	// the translation table): a query holding a key also finds the texts
	// that write it as any of its words, e.g. "低保" = ["最低生活保障"]. A
	// key the language's list has too gets both.
	Synonyms map[string][]string `toml:"synonyms"`
}

// Output says what a build writes beside the site's own files.
type Output struct {
	// Precompress writes a .gz and a .br copy beside each text file (pages,
	// CSS, JavaScript, CSV, JSON…) for static hosts that send them in its
	// place (nginx gzip_static and brotli_static, Caddy's precompressed,
	// GitLab Pages). On by default; a host that ignores them just keeps
	// them as files.
	Precompress bool `toml:"precompress"`
}

// License names the licence of the site's content and where to read it.
type License struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// Default returns the settings used for every key site.toml leaves out.
func Default() Config {
	return Config{
		Title:    "政策公开",
		BaseURL:  "http://127.0.0.1:1313/",
		Language: "zh-CN",
		Theme:    "default",
		Data:     Data{Thousands: ",", Decimal: ".", FullWidth: true, MaxFileMB: 2048, KeepMB: 256},
		Output:   Output{Precompress: true},
		// The ICP number links to the MIIT filing site, as the rules require.
		Publisher: Publisher{ICPURL: "https://beian.miit.gov.cn/"},
	}
}

// Load reads and checks site.toml from fsys. Problems are returned as
// diagnostics at their line and column in site.toml.
func Load(fsys fs.FS) (Config, []diag.Diagnostic, error) {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		return Config{}, nil, fmt.Errorf("read %s: %w", File, err)
	}
	cfg, ds := Parse(src)
	return cfg, ds, nil
}

// Parse decodes site.toml's text over Default and validates it.
func Parse(src []byte) (Config, []diag.Diagnostic) {
	cfg := Default()
	var ds []diag.Diagnostic
	at := func(line, col int, format string, args ...any) {
		ds = append(ds, diag.Diagnostic{Pos: diag.Pos{File: File, Line: line, Col: col}, Message: fmt.Sprintf(format, args...)})
	}
	dec := toml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))))
	dec.DisallowUnknownFields()
	err := dec.Decode(&cfg)
	var strict *toml.StrictMissingError
	var decErr *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			line, col := e.Position()
			at(line, col, "unknown setting %q; see README for the settings site.toml takes", strings.Join(e.Key(), "."))
		}
	case errors.As(err, &decErr):
		line, col := decErr.Position()
		at(line, col, "site.toml is not valid TOML: %s", decErr.Error())
		return cfg, ds
	case err != nil:
		at(1, 1, "site.toml is not valid TOML: %v", err)
		return cfg, ds
	}
	pos := keyPositions(src)
	line := pos.line
	cfg.BaseURLLine = pos["base_url"]
	base, problem := BaseURL(cfg.BaseURL)
	if problem != "" {
		at(line("base_url"), 1, "base_url %q %s: write the address the site is published at, like \"https://gongkai.example.gov.cn/\"", cfg.BaseURL, problem)
	}
	cfg.BaseURL = base
	if cfg.ID != "" {
		if problem := SiteID(cfg.ID); problem != "" {
			at(line("id"), 1, "id %q %s; set it once and never change it (the feed's ids are made from it)", cfg.ID, problem)
		}
	}
	if cfg.AsOf != "" {
		if _, err := time.Parse(time.DateOnly, cfg.AsOf); err != nil {
			at(line("as_of"), 1, "as_of %q must be a date written YYYY-MM-DD", cfg.AsOf)
		}
	}
	if strings.ContainsAny(cfg.Theme, `/\.`) || cfg.Theme == "" {
		at(line("theme"), 1, "theme %q must be the name of a folder under themes/", cfg.Theme)
	}
	if cfg.License.URL != "" && !isWebURL(cfg.License.URL) {
		at(line("license.url"), 1, "license url %q must be an http:// or https:// address", cfg.License.URL)
	}
	if e := cfg.Publisher.Email; e != "" && !isEmail(e) {
		at(line("publisher.email"), 1, "publisher email %q must be an address such as opendata@example.gov.cn", e)
	}
	if cfg.Publisher.Email != "" && cfg.Publisher.Name == "" {
		at(line("publisher.email"), 1, "publisher email is set but publisher name is not: name who publishes the data")
	}
	checkPublisher(line, cfg.Publisher, at)
	checkCatalog(line, cfg, at)
	for _, t := range []struct{ table, key, text string }{{"footer", "text", cfg.Footer.Text}, {"policy", "repost_note", cfg.Policy.RepostNote}} {
		for _, msg := range CheckLinks(t.text) {
			at(line(t.table+"."+t.key), 1, "%s.%s: %s", t.table, t.key, msg)
		}
	}
	switch cfg.Data.Thousands {
	case ",", ".", " ", "":
	default:
		at(line("thousands"), 1, "data.thousands %q must be \",\", \".\", \" \" or \"\"", cfg.Data.Thousands)
	}
	if cfg.Data.Decimal != "." && cfg.Data.Decimal != "," || cfg.Data.Decimal == cfg.Data.Thousands {
		at(line("decimal"), 1, "data.decimal %q must be \".\" or \",\" and differ from data.thousands", cfg.Data.Decimal)
	}
	seen := map[string]bool{}
	for i := range cfg.Metrics {
		cfg.Metrics[i].Line = line("metric." + strconv.Itoa(i) + ".id")
	}
	for i, m := range cfg.Metrics {
		if !metricID.MatchString(m.ID) || seen[m.ID] {
			at(m.Line, 1, "each [[metric]] needs its own id of lowercase letters, digits and hyphens (got %q)", m.ID)
		}
		seen[m.ID] = true
		if m.Dataset == "" {
			at(line("metric."+strconv.Itoa(i)+".dataset"), 1, "metric %q needs a dataset", m.ID)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(cfg.Search.Synonyms)) {
		words := cfg.Search.Synonyms[k]
		if strings.TrimSpace(k) == "" || len(words) == 0 || slices.ContainsFunc(words, func(w string) bool { return strings.TrimSpace(w) == "" }) {
			at(line("search.synonyms."+k), 1, "search.synonyms %q: give a word and what else it is written as, e.g. \"低保\" = [\"最低生活保障\"] (got %q)", k, words)
		}
	}
	if cfg.Data.MaxFileMB <= 0 {
		at(line("max_file_mb"), 1, "data.max_file_mb must be a positive number of megabytes")
	}
	if cfg.Data.KeepMB < 0 {
		at(line("keep_mb"), 1, "data.keep_mb must be a number of megabytes, or 0 to keep no dataset's rows in memory")
	}
	return cfg, ds
}

var metricID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// BasePath is the path part of BaseURL ("/" or "/portal/"), which every link on the site starts with.
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// keyLines returns a function giving the line a top-level or table key is set
