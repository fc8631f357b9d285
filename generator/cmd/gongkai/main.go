// Command gongkai builds a government transparency portal from policy text,
// commitments and disclosed data. See DESIGN.md for the commands and their
// exit statuses.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
