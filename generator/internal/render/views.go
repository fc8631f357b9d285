package render

import (
	"html/template"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/policy"
)

// Site is what every page knows about the site.
type Site struct {
	Title       string
	Description string
	Lang        string
	BasePath    string // "/" or "/portal/": prefix of every link
	BaseURL     string // the published address, ending in "/", for canonical and shared links
	AsOf        string // the build's "today", YYYY-MM-DD
	LicenseName string
	LicenseURL  string
	Nav         []NavItem
	// Footer is the portal's own paragraph in every page's footer (site.toml
	// [footer] text), escaped, its links made; empty: none.
	Footer template.HTML
	// RepostNote follows "网络转载页，非官方原件" on a reposted document
	// ([policy] repost_note); empty: nothing follows.
	RepostNote template.HTML
	Publisher  Publisher
}

// Publisher is who runs the site and how to reach them, as a Chinese
// government site shows it in its footer; each field is shown when set.
type Publisher struct {
	Sponsor           string // 主办单位
	Organizer         string // 承办单位
	SiteCode          string // 网站标识码
	ICP               string // ICP备案号
	ICPURL            string // its link, the MIIT filing site
	PublicSecurity    string // 公网安备 number
	PublicSecurityURL string // its link; empty: shown without one
	ErrorReport       string // link for 找错 (mailto:, a form, a site page)
	Feedback          string // link for 意见建议
}

// Units reports whether the publisher names who runs the site.
func (p Publisher) Units() bool { return p.Sponsor != "" || p.Organizer != "" || p.SiteCode != "" }

// Filings reports whether the site shows a filing number.
func (p Publisher) Filings() bool { return p.ICP != "" || p.PublicSecurity != "" }

// Contact reports whether the site says where to report errors or send suggestions.
func (p Publisher) Contact() bool { return p.ErrorReport != "" || p.Feedback != "" }

// NavItem is one entry of the main navigation.
type NavItem struct {
	Key   string // matches Page.Section to mark the current entry
	Title string
	Path  string // site path, e.g. "/policy/"
}

// Page is the part every page view shares.
type Page struct {
	Site        *Site
	Title       string // the page's own title, without the site's
	Description string
	Path        string // site path of the page, e.g. "/policy/decision/"
	Section     string // navigation key of the page
	Crumbs      []Crumb
	Charts      bool // the page draws charts: load ECharts
	Embed       bool // the page is a chart for other sites to embed: no site header, navigation or footer
	Search      bool // the page searches: load MiniSearch
	// Stray is a page shown in place of another (404.html, served at any
	// address that has no page): it gets no canonical link, and asks
	// search engines not to index it.
	Stray bool
	// Alternates are the page's content in other formats (a dataset's CSV
	// and JSON), for <link rel="alternate">.
	Alternates []Alternate
	// JSONLD is a schema.org description of the page's subject, as JSON.
	JSONLD template.JS
}

// Alternate is the page's content in another format.
type Alternate struct {
	Type  string // media type
	Href  string
	Title string
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// DocSummary is a policy document as it appears in lists.
type DocSummary struct {
	Number           int // position in the package, 1-based
	Slug             string
	Title            string
	Lang             string // the document's language when it is not the site's, else ""
	URL              string // link to the document's page, base path included
	DocumentNumber   string
	Completeness     string
	CompletenessNote string
	Sections         int
	Clauses          int
	SourcePage       int
	Score            []StatusCount // its commitments by status
	Commitments      int
}

// HomeView is the overview page.
type HomeView struct {
	Page
	Intro       template.HTML
	PolicyTitle string // the title of the policy section, e.g. “1+7”政策文件
	Documents   []DocSummary
	Total       int           // commitments
	Counts      []StatusCount // commitments by status
	Chart       *charts.Chart
	Timeline    []DeadlineYear
	Latest      []EvidenceRow // the newest observations
	// Timeliness: what was due to be made public and is not on record.
	Disclosures     int                 // disclosure commitments
	LateDisclosures []CommitmentSummary // of them, those with a publication due and not on record
	Scheduled       int                 // datasets that declare how often they are updated
	LateDatasets    []DatasetSummary    // of them, those past their update date
}

// StatusCount is how many commitments have a status.
type StatusCount struct {
	Status  string
	Label   string
	Meaning string // when a commitment has the status, in one sentence (status.meaning)
	URL     string // the list of these commitments: /commitments/ filtered by status (and document or year)
	Count   int
	Sample  int // of Count, statuses computed from sample data
}

// DeadlineYear is one year of the timeline of deadlines.
type DeadlineYear struct {
	Year   int // 0: the text sets no deadline
	Label  string
	Counts []StatusCount
	Total  int
}

// Badge is a commitment shown at its clause.
type Badge struct {
	URL       string
	Status    string
	Label     string
	Indicator string
	Sample    bool   // the status was computed from sample data
	List      string // the list of commitments, filtered to the badge's clause
}

// Option is a choice in a filter.
type Option struct {
	Value string
	Label string
	Lang  string // the label's language when it is not the site's
}

// OptionGroup is a labelled group of choices in a filter (<optgroup>).
type OptionGroup struct {
	Label   string
	Lang    string // the label's language when it is not the site's
	Options []Option
}

// CommitmentSummary is a commitment as it appears in lists.
type CommitmentSummary struct {
	ID          string
	URL         string
	DocSlug     string
	DocTitle    string
	DocShort    string // the document's short title (front matter short_title), for lists
	DocLang     string // the document's language when it is not the site's, else "": its quotes and title carry it
	DocURL      string
	ClauseURL   string
	Clause      string // the clause's id, e.g. decision-37
	ClauseLabel string
	Kind        string
	KindLabel   string
	Indicator   string
	Target      string // e.g. "≥ 5个/万人"
	Deadline    string // e.g. "2015年"
	Year        int    // deadline year
	Status      string
	StatusLabel string
	Explanation string
	Sample      bool
}

// CommitmentsView is the table of every commitment.
type CommitmentsView struct {
	Page
	PolicyTitle string // the title of the policy section, which the introduction names
	Commitments []CommitmentSummary
	Counts      []StatusCount
	Documents   []Option
	Clauses     []OptionGroup // the clauses that make commitments, by document
	Kinds       []Option
	Statuses    []Option
	Years       []int
}

// EvidenceRow is one observed value with its source.
type EvidenceRow struct {
	Commitment string // title of the commitment, in lists of latest data
	URL        string // the commitment's page, in lists of latest data
	Period     string // the period the value is for, as the site shows it: 2015年, 2025年第三季度
	Scope      string // whom or where it covers, when not the commitment's own scope
	Known      string // YYYY-MM-DD it was published, when the source says; else it counts from the period's end
	Baseline   bool   // for a period before the document was issued: a starting point, not evidence
	Value      string
	Source     string
	SourceURL  string
	SourceType string // primary or secondary, when the data says
	Note       string
	Sample     bool
}

// PublicationRow is one expected publication of a disclosure commitment.
type PublicationRow struct {
	Period      string
	Due         string
	Published   string
	Status      string
	StatusLabel string
	URL         string
	Note        string
}

// CommitmentView is one commitment's page.
type CommitmentView struct {
	Page
	C            CommitmentSummary
	Meaning      string // what its status means, in one sentence (status.meaning)
	Text         string
	Cadence      string // for disclosures on a cadence: 每年, 每6个月…
	Scope        string // whom or where the promise covers, when the registry says
	Reading      string // how the target is decided, in words, when the registry says or the kind implies
	Made         string // the day the document was issued, 2011年7月22日, when known
	Responsible  string
	Note         string
	Chart        *charts.Chart
	Evidence     []EvidenceRow
	Context      []EvidenceRow // figures on another definition: beside the evidence, never judging
	Publications []PublicationRow
	Related      []CommitmentSummary
	JSON         string         // link to the registry download
	Changes      []StatusChange // how its status changed in the site's recent builds, newest first
}

// StatusChange is a commitment's status changing between two builds of the site.
type StatusChange struct {
	Date               string // YYYY-MM-DD: the commit that changed it (or this build's day)
	From, To           string // statuses
	FromLabel, ToLabel string
}

// PolicyIndexView lists the policy documents.
type PolicyIndexView struct {
	Page
	Intro     template.HTML
	Documents []DocSummary
	Legend    []StatusCount // the statuses the documents' scorecards show
}

// DocumentView is one policy document in full.
type DocumentView struct {
	Page
	Doc         *policy.Document
	Lang        string // the language the document is written in: Doc.Language, or the site's
	DocLang     string // Lang when it is not the site's, else ""
	PolicyTitle string
	Summary     DocSummary
	Prev, Next  *DocSummary
	Badges      map[string][]Badge // commitments by clause id
	Scorecard   string             // link to the document's printable scorecard; "" when it makes no commitment
}

// ScorecardView is a policy document's commitments and their statuses on one
// printable page (A4): /policy/<slug>/scorecard/.
type ScorecardView struct {
	Page
	Doc         *policy.Document
	DocLang     string // the document's language when it is not the site's, else ""
	PolicyTitle string
	Summary     DocSummary
	Commitments []CommitmentSummary // in the registry's order
}

// SectionView is a list of a section's pages (content/<name>/), newest first.
type SectionView struct {
	Page
	Body  template.HTML // the section's _index.md, on its first page
	Items []SectionItem
	Count int     // pages in the section
	Pages []Crumb // the list's pages, when more than one
}

// SectionItem is a page in a section's list.
type SectionItem struct {
	Title, URL, Summary string
	Date                string // YYYY-MM-DD (lastmod, else date), "" when undated
}

// ContentView is a page written in Markdown (about, method, …).
type ContentView struct {
	Page
	Body template.HTML
	// Method is the rules, generated from them, on /method/; nil elsewhere.
	Method *Method
	// Contact is set on /about/: the page says where to report errors and
	// send suggestions, when the publisher gives the addresses.
	Contact bool
	// Date and LastMod are the days front matter gives (YYYY-MM-DD), "" when none.
	Date, LastMod string
}

// Method is the rules the statuses follow, as /method/ lists them.
type Method struct {
	Statuses  []StatusRule
	Readings  []Option // Value: the reading's name; Label: which value decides
	KnownAsOf string   // the rule that keeps a verdict to what was known on the day
}

// StatusRule is a status and when a commitment has it.
type StatusRule struct {
	Status  string
	Label   string
	Color   string // its colour in charts and badges
	Meaning string
}

// NotFoundView is the 404 page.
type NotFoundView struct {
	Page
}

// DatasetSummary is a dataset as it appears in the catalogue.
type DatasetSummary struct {
	ID      string
	Title   string
	URL     string // the dataset's page
	CSV     string // download links
	JSON    string
	XLSX    string // empty when the dataset has more rows than an Excel sheet holds
	Rows    int
	Columns int
	Files   int
	Sample  bool
	// Freshness, when the publisher declares how often the data is updated.
	Frequency string // e.g. 每年
	Due       string // YYYY-MM-DD: the next update is due by then
	Overdue   int    // days past Due on the as-of date; 0 if not overdue
}

// DataIndexView is the catalogue of every dataset.
type DataIndexView struct {
	Page
	Topics   []Option // pages about particular datasets: Value is the link
	Datasets []DatasetSummary
}

// FileInfo describes a source file of a dataset.
type FileInfo struct {
	Path       string
	Encoding   string
	Delimiter  string
	HeaderLine int
	Rows       int
	Size       string
}

// EmbedView is one chart alone, for other sites to embed (/embed/…).
type EmbedView struct {
	Page
	Chart  *charts.Chart
	Source string // the address of the page the chart is from
	Code   string // the HTML another site pastes to embed it
}

// ColumnInfo describes a column of a dataset.
type ColumnInfo struct {
	Name    string // for people: as staff head it (see data.Column.Label)
	Key     string // its name in the JSON download and datapackage.json, when it differs
	Type    string // in words
	Unit    string
	Count   int
	Missing int
	Range   string // "最小 – 最大" for numbers and dates
	Values  string // the distinct values, when there are few
}

// DatasetView is one dataset's page.
type DatasetView struct {
	Page
	Dataset       DatasetSummary
	Description   string
	Updated       string // as the publisher declares it
	Committed     string // when its files were last committed (git), or why that is not known; empty outside git
	Sources       []Link // where the data comes from, as its schema file declares (URL may be empty)
	Inferred      bool
	Files         []FileInfo
	Columns       []ColumnInfo
	PreviewHeader []string
	Preview       [][]string
}

// Rate is a share of a group, written for reading.
type Rate struct {
	N       int    // rows in the group
	Percent string // e.g. "45.0%", or "—" when nothing is known
}

// CommitteeYear is one year of the committee summary, for both kinds.
type CommitteeYear struct {
	Year                                 int
	Community, Village                   int // committees
	CommunityDirect, VillageDirect       string
	CommunityLocal                       string
	CommunityCompliant, VillageCompliant string
}

// CommitteeCity is one place (a city or a district) in one year.
type CommitteeCity struct {
	City                                 string // the city's or district's name
	URL                                  string // the city's page of districts
	Year                                 int
	Community, Village                   int
	CommunityDirect, VillageDirect       string
	CommunityCompliant, VillageCompliant string
	Stale                                int // villages whose last disclosure is older than a quarter
}

// CommitteeCityView is a city's districts, every year.
type CommitteeCityView struct {
	Page
	Dataset    DatasetSummary
	City       string
	Years      []int // latest first
	LatestYear int
	Districts  []CommitteeCity
}

// CommitteesView is the committee transparency page.
type CommitteesView struct {
	Page
	Dataset     DatasetSummary
	Description string
	Years       []CommitteeYear
	LatestYear  int
	Cities      []CommitteeCity
	Stale       int
	Villages    int
	DirectChart *charts.Chart
	OpenChart   *charts.Chart
	Measures    []CommitmentSummary // commitments measured from this dataset
}

// BudgetYear is one year's totals.
type BudgetYear struct {
	Year      int
	Budget    string // 预算
	Final     string // 决算
	Execution string // 决算 ÷ 预算
	Change    string // 预算 change from the year before
	Depth     string // share of departments whose budget reaches 项
}

// BudgetDept is one department in a year.
type BudgetDept struct {
	Department string
	Budget     string
	Final      string
	Execution  string
	Change     string
	Depth      string // 项, 款 or 类: the finest level its budget discloses
	Deep       bool   // it reaches 项
	// The same numbers plain, for sorting ("" when there is none).
	BudgetValue, FinalValue, ExecutionValue, ChangeValue string
}

// BudgetDeptsView is one page of every department's figures for a year.
type BudgetDeptsView struct {
	Page
	Dataset     DatasetSummary
	Year        int
	Departments []BudgetDept
	Pages       []Crumb
}

// BudgetSubject is one line of the classification table.
type BudgetSubject struct {
	Code     string
	Name     string
	Standard bool // the file does not name this 类: Name is the national classification's
	Level    int  // 1 类, 2 款, 3 项
	Amount   string
}

// BudgetsView is the budgets page.
type BudgetsView struct {
	Page
	Dataset     DatasetSummary
	Description string
	Years       []BudgetYear
	Year        int          // the year shown in detail
	Departments []BudgetDept // the largest, when there are many
	DeptTotal   int          // how many departments there are
	AllDepts    string       // the pages of all departments, when Departments are not all
	Subjects    []BudgetSubject
	// StandardNames is set when a 类 is named from the national
	// classification because the file does not name it.
	StandardNames bool
	Subtotals     int // 类 and 款 rows restating the rows under them, left out of the sums
	Totals        int // 合计 rows, left out of the sums
	TotalsChart   *charts.Chart
	DepthChart    *charts.Chart
	TreeChart     *charts.Chart
	Measures      []CommitmentSummary
}

// OrgGroup is a row of an organisation summary table (a grade, a type or a city).
type OrgGroup struct {
	Name     string
	URL      string // the city's list, for cities
	Count    int
	Assessed string // share with a grade
	High     string // share graded 3A or above
	Per10k   string // per 10,000 residents, for cities with a population
}

// Org is one organisation in a list.
type Org struct {
	Code       string
	Name       string
	Type       string
	City       string
	Grade      string
	RatedYear  string
	ValidUntil string
}

// OrganizationsView is the organisation ratings page.
type OrganizationsView struct {
	Page
	Dataset     DatasetSummary
	Description string
	Total       int
	Grades      []OrgGroup
	Types       []OrgGroup
	Cities      []OrgGroup
	Expiring    []Org // grades that lapse within a year of the as-of date
	Expired     int   // grades already lapsed on the as-of date
	Measures    []CommitmentSummary
	AsOf        string
	GradeChart  *charts.Chart
	PopYear     int
}

// OrgListView is one page of a city's organisations.
type OrgListView struct {
	Page
	Dataset DatasetSummary
	City    string
	Orgs    []Org
	Types   []string // the types and grades found in the city, for the filters
	Grades  []string
	Pages   []Crumb // links to the city's pages; the current one has no Path
}

// SearchView is the search page.
type SearchView struct {
	Page
	Kinds       string  // what the index holds, e.g. 条款、承诺、数据集
	Hint        string  // the search box's label, e.g. 查找政策条款、承诺和数据集
	Placeholder string  // example queries in the empty box (site.toml [search] placeholder)
	Commitments bool    // the site has a list of commitments to browse
	Orgs        bool    // the index holds social organisations (which rank below the rest)
	Index       string  // the documents to search, JSON
	Count       int     // how many
	Documents   []Crumb // the policy documents, linked when there is no script
	Synonyms    string  // abbreviations the search writes out (the language's and site.toml's), JSON; "" none
	Folds       string  // each roster kind the index holds → the line its results are folded under, JSON; "" none
}

// Link is a title and, when there is one, its address.
type Link struct {
	Title string
	URL   string
}
