// yv-bench-go BASE_URL API_KEY API_SECRET N WARMUP: the list_accounts loop through the Go binding
// (each call copies the answer's []yativo.Account out of the C records: fields and Raw), one JSON
// line with the process's CPU (getrusage) and wall time, as yv_bench_capi prints for C.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

func cpuMicros() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec)*1e6 + float64(ru.Utime.Usec+ru.Stime.Usec)
}

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: yv-bench-go BASE_URL API_KEY API_SECRET N WARMUP")
		os.Exit(2)
	}
	n, _ := strconv.Atoi(os.Args[4])
	warmup, _ := strconv.Atoi(os.Args[5])
	client, err := yativo.New(yativo.WithBaseURL(os.Args[1]), yativo.WithAPIKey(os.Args[2], os.Args[3]),
		yativo.WithEnvironmentVariables(false))
	if err != nil {
		fmt.Fprintln(os.Stderr, "yv-bench-go:", err)
		os.Exit(1)
	}
	defer client.Close()
	ctx := context.Background()
	call := func() {
		accounts, err := client.Accounts.List(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "yv-bench-go:", err)
			os.Exit(1)
		}
		if len(accounts) == 0 || accounts[0].ID == "" {
			fmt.Fprintln(os.Stderr, "yv-bench-go: the account list is empty")
			os.Exit(1)
		}
	}
	for i := 0; i < warmup; i++ {
		call()
	}
	cpu0, wall0 := cpuMicros(), time.Now()
	for i := 0; i < n; i++ {
		call()
	}
	out, _ := json.Marshal(map[string]any{
		"bench": "p5", "client": "go", "requests": n,
		"cpu_us": cpuMicros() - cpu0, "wall_us": float64(time.Since(wall0).Nanoseconds()) / 1e3,
	})
	fmt.Println(string(out))
}
