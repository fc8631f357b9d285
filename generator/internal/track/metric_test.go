package track

import (
	"errors"
	"strings"
	"testing"
)

// rows is a tiny dataset for metric tests: each row a map of column → text.
func rows(rs ...map[string]string) func(func(string, int, MetricRow) error) error {
	return func(fn func(string, int, MetricRow) error) error {
		for i, r := range rs {
			err := fn("data/t.csv", i+2, func(col string) (string, float64, bool) {
				t, ok := r[col]
				if !ok || t == "" {
					return "", 0, true
				}
				var f float64
				for _, c := range t {
					if c >= '0' && c <= '9' {
						f = f*10 + float64(c-'0')
					}
				}
				return t, f, false
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
}

func TestMetrics(t *testing.T) {
	committees := rows(
		map[string]string{"year": "2013", "kind": "居委会", "direct": "true", "n": "10"},
		map[string]string{"year": "2013", "kind": "居委会", "direct": "false", "n": "20"},
		map[string]string{"year": "2013", "kind": "村委会", "direct": "true", "n": "99"},
		map[string]string{"year": "2014", "kind": "居委会", "direct": "true", "n": "30"},
		map[string]string{"year": "2014", "kind": "居委会", "direct": "", "n": ""},
	)
	tests := []struct {
		m    Metric
		want string
	}{
		{Metric{Value: "count", Year: "year", Where: map[string]string{"kind": "居委会"}}, "2013:2 2014:2"},
		{Metric{Value: "share", Year: "year", Column: "direct", Where: map[string]string{"kind": "居委会"}}, "2013:50 2014:100"},
		{Metric{Value: "sum", Year: "year", Column: "n"}, "2013:129 2014:30"},
		{Metric{Value: "mean", Year: "year", Column: "n", Where: map[string]string{"kind": "居委会"}}, "2013:15 2014:30"},
	}
	for _, tt := range tests {
		pts, err := tt.m.Compute(committees)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range pts {
			got = append(got, p.Period.String()+":"+plain(p.Value))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %v, want %s", tt.m.Value, got, tt.want)
		}
	}
}

func TestRatioUsesTheLatestEarlierDenominator(t *testing.T) {
	figures := rows(
		map[string]string{"series": "volunteers", "year": "2011", "value": "4100000"},
		map[string]string{"series": "population", "year": "2010", "value": "104300000"},
		map[string]string{"series": "population", "year": "2012", "value": "105000000"},
	)
	m := Metric{Value: "ratio", Year: "year", Column: "value", SeriesColumn: "series", Numerator: "volunteers", Denominator: "population", Scale: 100}
	pts, err := m.Compute(figures)
	if err != nil || len(pts) != 1 {
		t.Fatal(pts, err)
	}
	if p := pts[0]; p.Period.String() != "2011" || roundTo(p.Value, 4) != 3.9310 || p.Inputs != "volunteers 2011年 410万 ÷ population 2010年 10430万 × 100" {
		t.Errorf("got %+v", p)
	}
}

// A period column may hold quarters, months and days as staff write them;
// a cell that is no period is an error at its row, never year 0.
func TestMetricPeriods(t *testing.T) {
	jobs := rows(
		map[string]string{"date": "2025/3/31", "n": "3000"},
		map[string]string{"date": "2025年9月", "n": "9310"},
		map[string]string{"date": "2025年第二季度", "n": "6100"},
		map[string]string{"date": "2024", "n": "11800"},
	)
	pts, err := (Metric{Value: "sum", Year: "date", Column: "n"}).Compute(jobs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pts {
		got = append(got, p.Period.String()+":"+plain(p.Value))
	}
	if want := "2024:11800 2025-03-31:3000 2025-Q2:6100 2025-09:9310"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	bad := rows(map[string]string{"date": "2025", "n": "1"}, map[string]string{"date": "上年", "n": "2"})
	_, err = (Metric{ID: "jobs", Value: "sum", Year: "date", Column: "n"}).Compute(bad)
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || re.Column != "date" || !strings.Contains(re.Msg, `"上年" is not a period`) {
		t.Errorf("got %v", err)
	}
}

func TestMetricCheck(t *testing.T) {
	cols := []string{"year", "kind", "direct"}
	if got := (Metric{Dataset: "c", Value: "share", Year: "year", Column: "direct"}).Check(cols); got != "" {
		t.Errorf("valid metric: %q", got)
	}
	got := (Metric{Dataset: "c", Value: "median", Year: "yr", Where: map[string]string{"type": "x"}}).Check(cols)
	for _, want := range []string{`value "median" must be`, `year "yr" is not a column of c`, `where "type" is not a column`} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}

func TestGroupsMetric(t *testing.T) {
	budgets := rows(
		map[string]string{"year": "2013", "dept": "甲", "code": "208"},
		map[string]string{"year": "2013", "dept": "甲", "code": "2080201"},
		map[string]string{"year": "2013", "dept": "乙", "code": "20802"},
		map[string]string{"year": "2014", "dept": "乙", "code": "2080201"},
	)
	m := Metric{Value: "groups", Year: "year", Group: "dept", Match: map[string]string{"code": "[0-9]{7}"}}
	pts, err := m.Compute(budgets)
	if err != nil || len(pts) != 2 || pts[0].Value != 50 || pts[1].Value != 100 || pts[0].Inputs != "2013年2个dept中有1个符合" {
		t.Errorf("got %+v %v", pts, err)
	}
	if got := (Metric{Dataset: "b", Value: "groups", Year: "year", Group: "dept"}).Check([]string{"year", "dept"}); !strings.Contains(got, "groups needs match") {
		t.Errorf("check: %q", got)
	}
}
