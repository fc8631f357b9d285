// Command sampledata writes the sample disclosure datasets of the bundled
// site: budgets, social organisations, community and village committees, and
// city populations. No real province-wide rows are available, so these are
// made up — realistic in shape (Guangdong's 21 cities and their districts,
// real department names, real functional classification codes, plausible
// trends over 2011–2016) and labelled 示例数据 by the schema files written
// beside them, so the site says so wherever they show.
//
//	go run ./generator/cmd/sampledata -o data            # the bundled site
//	go run ./generator/cmd/sampledata -o /tmp/big -scale 200   # for benchmarks
//	go run ./generator/cmd/sampledata -o /tmp/big -budgets 940 -organizations 35 -committees 6
//	    # the design's scale target: ~1,000,000 budget rows, ~100,000
//	    # organisations, ~30,000 committee rows
//
// Output is deterministic for a given -seed and -scale.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("o", "data", "the data folder to write into")
	scale := flag.Float64("scale", 1, "size multiplier: 1 is the bundled site, larger for benchmarks")
	seed := flag.Uint64("seed", 2011, "random seed")
	own := map[string]*float64{}
	for _, name := range []string{"budgets", "organizations", "committees"} {
		own[name] = flag.Float64(name, 0, "size multiplier of the "+name+" dataset alone (0: -scale)")
	}
	flag.Parse()
	g := &gen{rng: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15)), out: *out}
	steps := []struct {
		name string
		run  func() error
	}{{"budgets", g.budgets}, {"organizations", g.organizations}, {"committees", g.committees}, {"population", g.population}, {"schemas", g.schemas}}
	for _, step := range steps {
		g.scale = *scale
		if s := own[step.name]; s != nil && *s > 0 {
			g.scale = *s
		}
		if err := step.run(); err != nil {
			fmt.Fprintln(os.Stderr, "sampledata:", err)
			os.Exit(1)
		}
	}
}

type gen struct {
	rng   *rand.Rand
	scale float64
	out   string
}

// table writes one CSV file (UTF-8, as the bundled site keeps its files).
func (g *gen) table(name string, header []string, rows func(write func(...string)) error) error {
	path := filepath.Join(g.out, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		return err
	}
	if err := rows(func(cells ...string) { _ = w.Write(cells) }); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// n scales a count, at least 1.
func (g *gen) n(base int) int { return max(1, int(math.Round(float64(base)*g.scale))) }

// root scales one of two nested counts by the square root of the scale, so
// their product grows as the scale does.
func (g *gen) root(base int) int { return max(1, int(math.Round(float64(base)*math.Sqrt(g.scale)))) }

// money writes an amount in 万元 with two decimals and thousands separators,
// as Excel exports it.
func money(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	whole, frac := s[:len(s)-3], s[len(s)-3:]
	var b []byte
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	return string(b) + frac
}

// budgets: each department publishes its budget (预算) for 2011–2016 and its
// final accounts (决算) for 2011–2015, one row per subject at the finest level
// it discloses. Disclosure deepens over the years: in 2011 a third of the
// departments stop at 款 (5 digits), by 2015 nearly all reach 项 (7 digits).
func (g *gen) budgets() error {
	depts := departments
	for i := 0; len(depts) < g.n(len(departments)); i++ { // more publishers at larger scales
		c := cities[i%len(cities)]
		depts = append(depts, c.Name+[]string{"民政局", "财政局", "教育局", "卫生局", "人力资源和社会保障局", "公安局"}[i/len(cities)%6]+suffix(i/len(cities)/6))
	}
	// Each department spends in the functions of its work, and every one
	// pays retirees and housing funds (20805, 22102), as real budgets show.
	own := func(dept string) (leaves, kuan []subject) {
		classes := []string{"201"}
		for _, w := range []struct {
			word    string
			classes []string
		}{
			{"民政", []string{"208"}}, {"人力资源", []string{"208"}}, {"教育", []string{"205"}}, {"卫生", []string{"210"}}, {"人口", []string{"210"}},
			{"公安", []string{"204"}}, {"司法", []string{"204"}}, {"住房", []string{"212", "221"}}, {"交通", []string{"214"}}, {"文化", []string{"207"}},
			{"体育", []string{"207"}}, {"农业", []string{"213"}}, {"林业", []string{"213"}}, {"水利", []string{"213"}}, {"环境", []string{"211"}},
			{"科学", []string{"206"}},
		} {
			if strings.Contains(dept, w.word) {
				classes = w.classes
				break
			}
		}
		for _, s := range subjects {
			mine := strings.HasPrefix(s.Code, "20805") || strings.HasPrefix(s.Code, "22102")
			for _, c := range classes {
				mine = mine || strings.HasPrefix(s.Code, c) && !strings.HasPrefix(s.Code, "20805")
			}
			switch {
			case !mine:
			case len(s.Code) == 7:
				leaves = append(leaves, s)
			case len(s.Code) == 5:
				kuan = append(kuan, s)
			}
		}
		return leaves, kuan
	}
	for year := 2011; year <= 2016; year++ {
		err := g.table(fmt.Sprintf("budgets/%d.csv", year), []string{"年度", "阶段", "部门", "科目编码", "科目名称", "金额(万元)"}, func(write func(...string)) error {
			for di, dept := range depts {
				r := rand.New(rand.NewPCG(uint64(di), 42)) // each department keeps its amounts' shape over the years
				leaves, kuan := own(dept)
				pick := leaves
				if g.rng.Float64() > 0.6+0.08*float64(year-2011) {
					pick = kuan // this year's tables stop at 款
				}
				for _, s := range pick {
					base := math.Exp(5+2.5*r.Float64()) * (1 + 0.09*float64(year-2011))
					write(strconv.Itoa(year), "预算", dept, s.Code, s.Name, money(base))
					if year <= 2015 {
						write(strconv.Itoa(year), "决算", dept, s.Code, s.Name, money(base*(0.86+0.22*g.rng.Float64())))
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func suffix(i int) string {
	if i == 0 {
		return ""
	}
	return "第" + strconv.Itoa(i+1) + "分局"
}

// cityCodes are the administrative division codes of the cities (GB/T 2260).
var cityCodes = map[string]string{
	"广州市": "440100", "韶关市": "440200", "深圳市": "440300", "珠海市": "440400", "汕头市": "440500", "佛山市": "440600",
	"江门市": "440700", "湛江市": "440800", "茂名市": "440900", "肇庆市": "441200", "惠州市": "441300", "梅州市": "441400",
	"汕尾市": "441500", "河源市": "441600", "阳江市": "441700", "清远市": "441800", "东莞市": "441900", "中山市": "442000",
	"潮州市": "445100", "揭阳市": "445200", "云浮市": "445300",
}

const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// uscc makes a 统一社会信用代码 with both check characters right: the
// organisation code's (GB 11714) and the whole code's (GB 32100-2015).
func (g *gen) uscc(kind byte, area string) string {
	org := make([]byte, 8)
	weights := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range org {
		d := g.rng.IntN(10)
		org[i] = byte('0' + d)
		sum += d * weights[i]
	}
	c9 := 11 - sum%11
	check := "0123456789X0"[c9 : c9+1]
	code := "5" + string(kind) + area + string(org) + check
	sum = 0
	w := 1
	for i := 0; i < 17; i++ {
		v := 0
		for j := 0; j < len(usccChars); j++ {
			if usccChars[j] == code[i] {
				v = j
			}
		}
		sum += v * w
		w = w * 3 % 31
	}
	return code + string(usccChars[(31-sum%31)%31])
}

var (
	orgFields  = []string{"社会工作", "志愿服务", "慈善", "养老服务", "青少年服务", "残疾人康复", "社区服务", "文化艺术", "体育运动", "科技", "环境保护", "行业", "教育培训", "法律援助", "家庭服务"}
	orgSuffix  = map[string][]string{"社会团体": {"协会", "促进会", "联合会", "学会"}, "民办非企业单位": {"服务中心", "服务社", "发展中心", "研究院"}, "基金会": {"基金会"}}
	orgKinds   = []string{"社会团体", "民办非企业单位", "基金会"}
	kindLetter = map[string]byte{"社会团体": '1', "民办非企业单位": '2', "基金会": '3'}
	grades     = []string{"5A", "4A", "3A", "2A", "1A"}
)

// organizations: social organisations per city, about a third of them rated;
// a grade is valid for five years.
func (g *gen) organizations() error {
	seen, issued := map[string]bool{}, map[string]bool{}
	for _, c := range cities {
		count := g.n(60 + 12*len(c.Districts))
		err := g.table("organizations/"+cityCodes[c.Name]+".csv", []string{"统一社会信用代码", "名称", "类型", "城市", "登记机关", "评估等级", "评估年度", "有效期至"}, func(write func(...string)) error {
			for i := range count {
				kind := orgKinds[0]
				switch p := g.rng.Float64(); {
				case p > 0.97:
					kind = orgKinds[2]
				case p > 0.55:
					kind = orgKinds[1]
				}
				district := c.Districts[g.rng.IntN(len(c.Districts))]
				place := c.Name
				if g.rng.Float64() < 0.6 {
					place += district
				}
				sfx := orgSuffix[kind]
				name := place + orgFields[g.rng.IntN(len(orgFields))] + sfx[g.rng.IntN(len(sfx))]
				if seen[name] {
					name = fmt.Sprintf("%s（%d）", name, i)
				}
				seen[name] = true
				grade, year, until := "", "", ""
				if g.rng.Float64() < 0.34 {
					grade = grades[min(4, int(math.Abs(g.rng.NormFloat64())*1.2+1))]
					y := 2010 + g.rng.IntN(7)
					year, until = strconv.Itoa(y), strconv.Itoa(y+5)+"-12-31"
				}
				registrar := c.Name + "民政局"
				if g.rng.Float64() < 0.15 {
					registrar = "广东省民政厅"
				}
				code := g.uscc(kindLetter[kind], cityCodes[c.Name])
				for issued[code] { // eight random digits: at a large -scale, two organisations of a city can draw the same
					code = g.uscc(kindLetter[kind], cityCodes[c.Name])
				}
				issued[code] = true
				write(code, name, kind, c.Name, registrar, grade, year, until)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// committees: a panel of community (居委会) and village (村委会) committees
// over 2011–2016. Direct election of community committees spreads from about
// 20% to about 50%; villages elect directly almost everywhere; the share of
// local members and of committees meeting the disclosure standard rise.
func (g *gen) committees() error {
	type committee struct{ city, district, town, name, kind string }
	var panel []committee
	for _, c := range cities {
		for _, d := range c.Districts {
			for t := range g.root(2) {
				town := d + []string{"第一街道", "第二街道", "中心镇", "新城镇"}[t%4]
				for k := range g.root(3) { // towns × committees grows as the scale
					kind, name := "村委会", fmt.Sprintf("%s第%d村民委员会", town, k+1)
					if k%3 == 0 || c.Name == "深圳市" || c.Name == "广州市" {
						kind, name = "居委会", fmt.Sprintf("%s第%d社区居民委员会", town, k+1)
					}
					panel = append(panel, committee{c.Name, d, town, name, kind})
				}
			}
		}
	}
	direct := make([]bool, len(panel))
	return g.table("committees/2011-2016.csv", []string{"年度", "地市", "区县", "镇街", "名称", "类型", "直接选举", "本地成员比例", "公开达标", "最近公开"}, func(write func(...string)) error {
		for year := 2011; year <= 2016; year++ {
			for i, p := range panel {
				rate := 0.93
				if p.kind == "居委会" {
					rate = 0.18 + 0.065*float64(year-2011)
				}
				if !direct[i] && g.rng.Float64() < rate/3 || year == 2011 && g.rng.Float64() < rate {
					direct[i] = true // once directly elected, stays so
				}
				local := 30 + 6*float64(year-2011) + 25*g.rng.Float64()
				compliant := g.rng.Float64() < 0.48+0.05*float64(year-2011)
				last := fmt.Sprintf("%d-%02d-%02d", year, 1+g.rng.IntN(12), 1+g.rng.IntN(28))
				write(strconv.Itoa(year), p.city, p.district, p.town, p.name, p.kind, yesNo(direct[i]), strconv.FormatFloat(math.Round(local*10)/10, 'f', -1, 64)+"%", yesNo(compliant), last)
			}
		}
		return nil
	})
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// population: resident population by city and year, sample figures scaled to
// the 2010 census total of the province (104,300,000).
func (g *gen) population() error {
	weights := make([]float64, len(cities))
	total := 0.0
	for i, c := range cities {
		weights[i] = float64(len(c.Districts)) * (0.7 + 0.6*g.rng.Float64())
		if c.Name == "广州市" || c.Name == "深圳市" || c.Name == "东莞市" || c.Name == "佛山市" {
			weights[i] *= 2.2
		}
		total += weights[i]
	}
	return g.table("population.csv", []string{"城市", "年份", "常住人口"}, func(write func(...string)) error {
		for year := 2010; year <= 2016; year++ {
			for i, c := range cities {
				p := 104300000 * weights[i] / total * math.Pow(1.012, float64(year-2010))
				write(c.Name, strconv.Itoa(year), strconv.Itoa(int(p/100)*100))
			}
		}
		return nil
	})
}

// schemas writes the schema files that describe the datasets and mark them
// as sample data.
func (g *gen) schemas() error {
	files := map[string]string{
		"budgets.schema.json":       `{"title": "部门预算与决算（示例数据）", "description": "广东省直部门的预算和决算，按功能分类科目（类、款、项）列出，单位万元。本数据集为演示用的示例数据，不是真实数字。", "sample": true, "accrualPeriodicity": "R/P1Y"}`,
		"organizations.schema.json": `{"title": "社会组织与评估等级（示例数据）", "description": "各地级以上市登记的社会组织及其评估等级。统一社会信用代码的校验位符合GB 32100-2015，但代码和名称都是编造的示例数据。", "sample": true, "accrualPeriodicity": "R/P1Y"}`,
		"committees.schema.json":    `{"title": "居委会与村委会（示例数据）", "description": "各地社区居民委员会和村民委员会每年的选举与公开情况。本数据集为演示用的示例数据，不是真实数字。", "sample": true, "accrualPeriodicity": "R/P1Y"}`,
		"population.schema.json":    `{"title": "各市常住人口（示例数据）", "description": "按2010年人口普查全省常住人口1.043亿分配到各市的示例数字，用于计算每万人指标；只有全省总数来自公开报道。", "sample": true, "accrualPeriodicity": "R/P1Y"}`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(g.out, name), []byte(text+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}
