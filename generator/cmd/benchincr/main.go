// Command benchincr measures what the build cache saves: in a site folder
// (make bench-incremental prepares the bench-scale one), it runs, several
// times and interleaved so both see the same machine, a cold build — the
// build cache deleted, as on a fresh checkout — and then, after editing one
// CSV file, a build that finds the others' downloads in the cache. It prints
// the medians of wall time, CPU time and peak memory of each, and their
// ratio, for each kind of edit.
//
//	go run ./generator/cmd/benchincr -gongkai bin/gongkai -dir /tmp/gongkai-incremental -edit population,budgets
//
// The edits change one number in the last row of a file, a different
// number each run: population changes data/population.csv (a few hundred
// bytes), budgets the last file of data/budgets/ (the largest dataset).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/benchrun"
)

func main() {
	dir := flag.String("dir", "", "the site folder (site.toml, content/, data/); it is built into its public/")
	gongkai := flag.String("gongkai", "bin/gongkai", "the gongkai binary")
	runs := flag.Int("runs", 3, "cold and incremental builds per edit (medians are printed)")
	edits := flag.String("edit", "population", "comma-separated edits: population, budgets")
	flag.Parse()
	if err := run(*dir, *gongkai, *runs, strings.Split(*edits, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "benchincr:", err)
		os.Exit(1)
	}
}

// files are the files the edits change, each a CSV file whose last field is
// a whole number.
var files = map[string]func(dir string) (string, error){
	"population": func(dir string) (string, error) { return filepath.Join(dir, "data", "population.csv"), nil },
	"budgets": func(dir string) (string, error) {
		years, err := filepath.Glob(filepath.Join(dir, "data", "budgets", "*.csv"))
		if err != nil || len(years) == 0 {
			return "", fmt.Errorf("no data/budgets/*.csv in %s (%v)", dir, err)
		}
		slices.Sort(years)
		return years[len(years)-1], nil
	},
}

func run(dir, gongkai string, runs int, edits []string) error {
	if dir == "" {
		return errors.New("-dir: give the site folder")
	}
	gk, err := filepath.Abs(gongkai)
	if err != nil {
		return err
	}
	cache := filepath.Join(dir, ".public.cache")
	fmt.Printf("%-11s %-12s %10s %10s %10s\n", "edit", "build", "wall", "cpu", "peak")
	for _, edit := range edits {
		file, ok := files[edit]
		if !ok {
			return fmt.Errorf("-edit %q: want population or budgets", edit)
		}
		name, err := file(dir)
		if err != nil {
			return err
		}
		var cold, incr []benchrun.Measure
		for i := range runs {
			if err := os.RemoveAll(cache); err != nil {
				return err
			}
			m, err := build(gk, dir)
			if err != nil {
				return err
			}
			cold = append(cold, m)
			if err := bump(name, i+1); err != nil {
				return err
			}
			if m, err = build(gk, dir); err != nil {
				return err
			}
			incr = append(incr, m)
			fmt.Printf("%-11s %-12s %9.2fs %9.2fs %7.0f MiB   (run %d; incremental %.2fs)\n", edit, "cold", cold[i].Wall.Seconds(), cold[i].CPU.Seconds(), cold[i].PeakMiB, i+1, m.Wall.Seconds())
		}
		c, n := benchrun.Median(cold), benchrun.Median(incr)
		fmt.Printf("%-11s %-12s %9.2fs %9.2fs %7.0f MiB\n", edit, "cold", c.Wall.Seconds(), c.CPU.Seconds(), c.PeakMiB)
		fmt.Printf("%-11s %-12s %9.2fs %9.2fs %7.0f MiB\n", edit, "incremental", n.Wall.Seconds(), n.CPU.Seconds(), n.PeakMiB)
		fmt.Printf("%-11s %-12s %9.0f%% %9.0f%% %9.0f%%   (incremental ÷ cold, medians)\n", edit, "ratio",
			100*n.Wall.Seconds()/c.Wall.Seconds(), 100*n.CPU.Seconds()/c.CPU.Seconds(), 100*n.PeakMiB/c.PeakMiB)
	}
	return nil
}

// bump adds by to the number that ends the file's last row (a whole
// number or a decimal, perhaps quoted with thousands separators).
func bump(name string, by int) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	text := strings.TrimRight(string(b), "\r\n")
	eol := string(b[len(text):])
	row := strings.LastIndex(text, "\n") + 1
	last := text[row:]
	i := strings.LastIndex(last, ",")
	if strings.HasSuffix(last, `"`) { // "1,252.27"
		i = strings.LastIndex(last[:len(last)-1], `"`) - 1
	}
	if i < 0 {
		return fmt.Errorf("%s: the last row has one field", name)
	}
	whole, frac, dec := strings.Cut(strings.ReplaceAll(strings.Trim(last[i+1:], `"`), ",", ""), ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return fmt.Errorf("%s: the last row does not end with a number", name)
	}
	number := strconv.Itoa(n + by)
	if dec {
		number += "." + frac
	}
	return os.WriteFile(name, []byte(text[:row+i+1]+number+eol), 0o644)
}

// build runs gongkai build in dir.
func build(gongkai, dir string) (benchrun.Measure, error) { return benchrun.Run(dir, gongkai, "build") }
