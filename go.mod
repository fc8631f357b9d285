module gongkai

go 1.26.8

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/yuin/goldmark v1.8.7
)
