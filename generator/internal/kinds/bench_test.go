package kinds

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/data/parquettest"
	"gongkai/generator/internal/diag"
)

// benchRows is the size of the generated budget file: 1,000,000 rows, about 80 MB.
const benchRows = 1_000_000

var (
	benchOnce sync.Once
	benchDir  string // holds utf8/data/budgets/2013.csv, gb18030/data/budgets/2013.csv and parquet/data/budgets/2013.parquet
	benchErr  error
)

// budgetFixture writes, once per test process, a budget CSV of benchRows rows
// in UTF-8, its GB18030 twin and its Parquet twin (as DuckDB writes one:
// strings, an INT32 year, a DECIMAL amount, Snappy, 122,880 rows to a row
// group), and returns the folder holding the three sites.
func budgetFixture(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "gongkai-bench-")
		if benchErr != nil {
			return
		}
		depts := []string{"广东省民政厅", "广东省财政厅", "广东省教育厅", "广东省卫生健康委员会", "广东省人力资源和社会保障厅", "广州市民政局", "深圳市社会工作委员会"}
		// 项 rows only: 类 and 款 rows would be subtotals whose made-up
		// amounts are not the sums of the rows under them.
		subjects := []struct{ code, name string }{
			{"2080201", "行政运行"}, {"2080208", "基层政权和社区建设"}, {"2080299", "其他民政管理事务支出"}, {"2080501", "归口管理的行政单位离退休"},
			{"2050101", "行政运行"}, {"2050202", "小学教育"}, {"2050203", "初中教育"}, {"2010101", "行政运行"},
		}
		for _, enc := range []string{"utf8", "gb18030"} {
			dir := filepath.Join(benchDir, enc, "data", "budgets")
			if benchErr = os.MkdirAll(dir, 0o755); benchErr != nil {
				return
			}
			f, err := os.Create(filepath.Join(dir, "2013.csv"))
			if err != nil {
				benchErr = err
				return
			}
			var w io.Writer = f
			if enc == "gb18030" {
				w = simplifiedchinese.GB18030.NewEncoder().Writer(f)
			}
			bw := bufio.NewWriterSize(w, 1<<20)
			fmt.Fprintln(bw, "年度,阶段,部门,科目编码,科目名称,金额(万元)")
			for i := range benchRows {
				s := subjects[i%len(subjects)]
				stage := "预算"
				if i%3 == 0 {
					stage = "决算"
				}
				fmt.Fprintf(bw, "%d,%s,%s,%s,%s,\"%d,%03d.%02d\"\n", 2011+i%5, stage, depts[i%len(depts)], s.code, s.name, i%997+1, i%1000, i%100)
			}
			if err := bw.Flush(); err != nil {
				benchErr = err
			}
			if err := f.Close(); err != nil && benchErr == nil {
				benchErr = err
			}
		}
		if benchErr == nil {
			benchErr = parquetFixture(filepath.Join(benchDir, "parquet", "data", "budgets"), depts, subjects)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// parquetFixture writes the budget of budgetFixture as 2013.parquet in dir.
func parquetFixture(dir string, depts []string, subjects []struct{ code, name string }) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "2013.parquet"))
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w, err := parquettest.NewWriter(bw, []string{"年度:int32", "阶段:string", "部门:string", "科目编码:string", "科目名称:string", "金额(万元):decimal(12;2)"}, 122880)
	if err != nil {
		return err
	}
	for i := range benchRows {
		s := subjects[i%len(subjects)]
		stage := "预算"
		if i%3 == 0 {
			stage = "决算"
		}
		if err := w.Write([]string{fmt.Sprint(2011 + i%5), stage, depts[i%len(depts)], s.code, s.name, fmt.Sprintf("%d%03d.%02d", i%997+1, i%1000, i%100)}); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// peakHeap samples the Go heap while fn runs and returns its peak in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	var peak uint64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	return float64(peak) / (1 << 20)
}

func benchIngest(b *testing.B, enc string) {
	root := filepath.Join(budgetFixture(b), enc)
	name := "2013.csv"
	if enc == "parquet" {
		name = "2013.parquet"
	}
	fi, err := os.Stat(filepath.Join(root, "data", "budgets", name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	fsys := os.DirFS(root)
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			var diags diag.List
			sets, err := data.Load(fsys, options(), &diags)
			if err != nil || diags.HasErrors() || len(sets) != 1 || sets[0].Rows != benchRows {
				b.Fatalf("ingest failed: %v %v", err, diags.Sorted())
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

// BenchmarkIngestUTF8 is the full ingest of a 1,000,000-row budget file:
// encoding detection, decoding, CSV parsing, header matching, every cell
// validated by the budgets schema, statistics and preview.
func BenchmarkIngestUTF8(b *testing.B) { benchIngest(b, "utf8") }

// BenchmarkIngestGB18030 is the same file as Chinese Excel saves it.
func BenchmarkIngestGB18030(b *testing.B) { benchIngest(b, "gb18030") }

// BenchmarkIngestParquet is the same table as a data engine writes it in
// Parquet (its bytes/s are of the much smaller Parquet file).
func BenchmarkIngestParquet(b *testing.B) { benchIngest(b, "parquet") }

// BenchmarkEncodingCSV is the yardstick: plain encoding/csv with ReuseRecord
// over the same UTF-8 bytes, doing nothing with the records.
func BenchmarkEncodingCSV(b *testing.B) {
	path := filepath.Join(budgetFixture(b), "utf8", "data", "budgets", "2013.csv")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() { plainCSV(b, path) }))
	}
	b.ReportMetric(peak, "peak-MB")
}

// plainCSV reads a file with encoding/csv and nothing else: the yardstick.
func plainCSV(b *testing.B, path string) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	for {
		if _, err := r.Read(); err != nil {
			if !errors.Is(err, io.EOF) {
				b.Fatal(err)
			}
			return
		}
	}
}

// BenchmarkIngestRatio times the full ingest and plain encoding/csv on the
// same bytes in turn, for UTF-8 and GB18030, and reports the ingest's
// throughput as a share of encoding/csv's (utf8-ratio, gb18030-ratio): paired
// runs keep the ratio meaningful on a machine whose speed drifts.
func BenchmarkIngestRatio(b *testing.B) {
	dir := budgetFixture(b)
	var plain, ingest [2]time.Duration
	for b.Loop() {
		for i, enc := range []string{"utf8", "gb18030"} {
			root := filepath.Join(dir, enc)
			t0 := time.Now()
			plainCSV(b, filepath.Join(root, "data", "budgets", "2013.csv"))
			t1 := time.Now()
			var diags diag.List
			sets, err := data.Load(os.DirFS(root), options(), &diags)
			if err != nil || diags.HasErrors() || sets[0].Rows != benchRows {
				b.Fatalf("ingest failed: %v %v", err, diags.Sorted())
			}
			plain[i] += t1.Sub(t0)
			ingest[i] += time.Since(t1)
		}
	}
	b.ReportMetric(float64(plain[0])/float64(ingest[0]), "utf8-ratio")
	b.ReportMetric(float64(plain[1])/float64(ingest[1]), "gb18030-ratio")
}

func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200) // as the gongkai command runs (cmd/gongkai: gcPercent)
	}
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
