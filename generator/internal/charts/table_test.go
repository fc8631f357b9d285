package charts

import (
	"io/fs"

	"gongkai/generator/internal/i18n"
	defaulttheme "gongkai/themes/default"
)

// zh is the built-in Chinese table, the words the tests expect.
var zh = mustTable("zh-CN")

func mustTable(lang string) *i18n.Table {
	src, err := fs.ReadFile(defaulttheme.FS(), "i18n/"+lang+".toml")
	if err != nil {
		panic(err)
	}
	t, err := i18n.Parse(lang, []i18n.File{{Name: lang, Src: src}}, nil)
	if err != nil {
		panic(err)
	}
	return t
}
