package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"

	defaulttheme "gongkai/themes/default"
)

// TestBaseReadsThePagesOwnFields: the default theme's base.html reads the
// page's fields through $p, the view's Page, which is fast; that is the
// same as reading them through the view only while no view has a field of
// the same name (Description, which four views have, is read through the
// view). Every view type of views.go is checked, so a new one is too.
func TestBaseReadsThePagesOwnFields(t *testing.T) {
	base, err := fs.ReadFile(defaulttheme.FS(), "layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]bool{}
	for _, m := range regexp.MustCompile(`\$p\.([A-Z]\w*)`).FindAllSubmatch(base, -1) {
		read[string(m[1])] = true
	}
	if len(read) < 5 {
		t.Fatalf("base.html reads %d fields through $p: %v", len(read), read)
	}
	views := map[string]any{
		"HomeView": HomeView{}, "CommitmentsView": CommitmentsView{}, "CommitmentView": CommitmentView{},
		"PolicyIndexView": PolicyIndexView{}, "DocumentView": DocumentView{}, "ScorecardView": ScorecardView{},
		"SectionView": SectionView{}, "ContentView": ContentView{}, "NotFoundView": NotFoundView{},
		"DataIndexView": DataIndexView{}, "EmbedView": EmbedView{}, "DatasetView": DatasetView{},
		"CommitteeCityView": CommitteeCityView{}, "CommitteesView": CommitteesView{}, "BudgetDeptsView": BudgetDeptsView{},
		"BudgetsView": BudgetsView{}, "OrganizationsView": OrganizationsView{}, "OrgListView": OrgListView{}, "SearchView": SearchView{},
	}
	f, err := parser.ParseFile(token.NewFileSet(), "views.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, s := range g.Specs {
			name := s.(*ast.TypeSpec).Name.Name
			if !strings.HasSuffix(name, "View") {
				continue
			}
			declared++
			if _, ok := views[name]; !ok {
				t.Errorf("views.go declares %s, which this test does not check: add it", name)
			}
		}
	}
	if declared != len(views) {
		t.Errorf("views.go declares %d views, the test checks %d", declared, len(views))
	}
	for name, v := range views {
		typ := reflect.TypeOf(v)
		if _, ok := typ.FieldByName("Page"); !ok {
			t.Errorf("%s does not embed Page: base.html's $p := .Page fails", name)
			continue
		}
		for field := range read {
			if sf, ok := typ.FieldByName(field); !ok || len(sf.Index) != 2 || typ.Field(sf.Index[0]).Name != "Page" {
				t.Errorf("%s.%s is not its Page's: base.html reads $p.%s, which would not be the same", name, field, field)
			}
		}
	}
}
