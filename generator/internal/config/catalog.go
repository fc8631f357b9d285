package config

import (
	"regexp"
	"strings"
)

// Catalog is what the data catalogues say about every dataset beyond its
// own schema: /catalog.jsonld (DCAT), /datapackage.json, the schema.org
// description of each dataset's page and, for a US federal publisher,
// /data.json.
type Catalog struct {
	// Keywords describe every dataset of the site (a dataset adds its
	// columns' titles), e.g. ["政府信息公开", "社会建设"].
	Keywords []string `toml:"keywords"`
	// Spatial is the place the data covers, e.g. "广东省" (DCAT
	// dct:spatial, schema.org spatialCoverage).
	Spatial string `toml:"spatial"`
	// POD holds the US federal fields of Project Open Data v1.1: /data.json
	// is written only when they are set (its schema requires them).
	POD POD `toml:"pod"`
}

// POD is the US federal part of a Project Open Data v1.1 catalogue.
type POD struct {
	BureauCode  []string `toml:"bureau_code"`  // OMB agency and bureau codes, e.g. ["015:11"]
	ProgramCode []string `toml:"program_code"` // Federal Program Inventory codes, e.g. ["015:001"]
}

// Set reports whether the site is to write /data.json.
func (p POD) Set() bool { return len(p.BureauCode) > 0 || len(p.ProgramCode) > 0 }

var (
	bureauCode  = regexp.MustCompile(`^[0-9]{3}:[0-9]{2}$`)
	programCode = regexp.MustCompile(`^[0-9]{3}:[0-9]{3}$`)
)

// checkCatalog checks [catalog]: keywords are words, and [catalog.pod] has
// both codes in their federal forms and a publisher to name as the contact.
func checkCatalog(line func(key string) int, cfg Config, at func(line, col int, format string, args ...any)) {
	for _, k := range cfg.Catalog.Keywords {
		if strings.TrimSpace(k) == "" {
			at(line("catalog.keywords"), 1, "catalog.keywords has an empty keyword: give words, e.g. [\"政府信息公开\", \"社会建设\"]")
			break
		}
	}
	pod := cfg.Catalog.POD
	if !pod.Set() {
		return
	}
	for _, c := range []struct {
		key   string
		codes []string
		form  *regexp.Regexp
		ex    string
	}{{"bureau_code", pod.BureauCode, bureauCode, "015:11"}, {"program_code", pod.ProgramCode, programCode, "015:001"}} {
		if len(c.codes) == 0 {
			at(line("catalog.pod"), 1, "catalog.pod needs %s too: Project Open Data requires both bureau_code and program_code (US federal agencies only; leave [catalog.pod] out otherwise)", c.key)
		}
		for _, code := range c.codes {
			if !c.form.MatchString(code) {
				at(line("catalog.pod."+c.key), 1, "catalog.pod.%s %q must be written like %q", c.key, code, c.ex)
			}
		}
	}
	if cfg.Publisher.Name == "" || cfg.Publisher.Email == "" {
		at(line("catalog.pod"), 1, "catalog.pod needs [publisher] name and email: /data.json names them as each dataset's publisher and contact")
	}
}
