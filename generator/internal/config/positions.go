package config

import (
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions are the lines of site.toml that set each key and open each
// table, as the TOML parser reads them: "title", "license.url",
// "metric.1.id" (an array of tables by its index), "license", "metric.1".
type positions map[string]int

// keyPositions reads src with the TOML parser and records where each key
// and table is; it stops at the first syntax error (Decode reports it).
func keyPositions(src []byte) positions {
	out := positions{}
	var p unstable.Parser
	p.Reset(src)
	table, arrays := "", map[string]int{}
	for p.NextExpression() {
		e := p.Expression()
		name, line := dotted(&p, e.Key())
		switch e.Kind {
		case unstable.Table:
			table = name
		case unstable.ArrayTable:
			table = name + "." + strconv.Itoa(arrays[name])
			arrays[name]++
		case unstable.KeyValue:
			if table != "" {
				name = table + "." + name
			}
			out[name] = line
			continue
		default:
			continue
		}
		out[table] = line
	}
	return out
}

// dotted joins a key's parts with dots and gives the line of its first part.
func dotted(p *unstable.Parser, it unstable.Iterator) (string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), line
}

// line is where key is set, else where its table opens, else line 1.
func (ps positions) line(key string) int {
	for k := key; k != ""; {
		if l, ok := ps[k]; ok && l > 0 {
			return l
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return 1
}
