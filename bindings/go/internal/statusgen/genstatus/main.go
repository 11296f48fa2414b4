// Command genstatus writes yativo/status_gen.go from libyativo's status table. Run through
// `go generate ./...` in bindings/go:
//
//	genstatus -def ../../../core/include/yativo/status.def -o status_gen.go
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/libyativo/libyativo/bindings/go/internal/statusgen"
)

func main() {
	def := flag.String("def", "", "path of core/include/yativo/status.def")
	out := flag.String("o", "status_gen.go", "output file")
	flag.Parse()
	text, err := os.ReadFile(*def)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genstatus:", err)
		os.Exit(1)
	}
	src, err := statusgen.Generate(text)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genstatus:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genstatus:", err)
		os.Exit(1)
	}
}
