package render

import (
	"testing"
	"testing/fstest"
)

// BenchmarkContentPage makes a page of content/ with the built-in theme:
// the cost every notice of a portal of thousands pays.
func BenchmarkContentPage(b *testing.B) {
	th, err := LoadTheme(fstest.MapFS{}, "default", "zh-CN", "page")
	if err != nil {
		b.Fatal(err)
	}
	site := &Site{Title: "页面基准", Lang: "zh-CN", BasePath: "/", BaseURL: "https://pages.example/", AsOf: "2026-01-01",
		Nav: []NavItem{{Key: "notices", Title: "通知公告", Path: "/notices/"}, {Key: "readings", Title: "政策解读", Path: "/readings/"}, {Key: "method", Title: "方法", Path: "/method/"}}}
	v := ContentView{Page: Page{Site: site, Title: "关于做好第1批社区服务项目的通知", Path: "/notices/p1/", Section: "notices",
		Crumbs: []Crumb{{"首页", "/"}, {"通知公告", "/notices/"}}}, Body: "<p>正文。</p>", Date: "2020-01-01"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := th.Page("notices/p1/index.html", "page", v); err != nil {
			b.Fatal(err)
		}
	}
}
