package render

import (
	"html/template"
	"strings"
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
	body := template.HTML(strings.Repeat("<h2 id=\"目标\">工作目标</h2>\n<ul>\n<li>责任单位：省民政厅</li>\n<li>完成时限：2015年底前</li>\n</ul>\n<p>正文，约三千字节的通知。</p>\n", 20))
	v := ContentView{Page: Page{Site: site, Title: "关于做好第1批社区服务项目的通知", Description: "第1号通知的摘要。", Path: "/notices/p1/", Section: "notices",
		Crumbs: []Crumb{{"首页", "/"}, {"通知公告", "/notices/"}}}, Body: body, Date: "2020-01-01"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := th.Page("notices/p1/index.html", "page", v); err != nil {
			b.Fatal(err)
		}
	}
}
