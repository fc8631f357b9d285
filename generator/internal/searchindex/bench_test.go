package searchindex

import (
	"fmt"
	"strings"
	"testing"
)

func benchDocs() []Doc {
	var docs []Doc
	for i := range 3000 {
		docs = append(docs, Doc{Fields: []string{fmt.Sprintf("广州市第%d养老服务协会", i), strings.Repeat("社会组织登记管理，推进政府购买服务“三公”经费公开。", 1+i%10) + fmt.Sprintf(" 51440100%010dX 广州市 4A", i)},
			Stored: map[string]string{"kind": "社会组织", "title": "x", "url": "/organizations/广州市/?q=1"}})
	}
	return docs
}

// BenchmarkBuild indexes 3,000 documents the size of the bundled site's.
func BenchmarkBuild(b *testing.B) {
	docs := benchDocs()
	for b.Loop() {
		Build([]string{"title", "text"}, docs)
	}
}
