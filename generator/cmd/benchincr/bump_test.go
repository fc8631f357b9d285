package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBump(t *testing.T) {
	for in, want := range map[string]string{
		"a,b\n1,\"1,252.27\"\n":        "a,b\n1,1254.27\n",
		"a,b\n1,549.56\n":              "a,b\n1,551.56\n",
		"城市,年份,人口\n云浮市,2016,3492900\n": "城市,年份,人口\n云浮市,2016,3492902\n",
		"a,b\r\n1,7":                   "a,b\r\n1,9",
	} {
		name := filepath.Join(t.TempDir(), "x.csv")
		os.WriteFile(name, []byte(in), 0o644)
		if err := bump(name, 2); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(name); string(got) != want {
			t.Errorf("bump(%q) = %q, want %q", in, got, want)
		}
	}
}
