// Command ferretdb-launcher runs FerretDB v1 on SQLite for local development and tests.
//
// It is built from FerretDB's embeddable package because `go install` of FerretDB's own command
// panics at start-up (its build/version package needs a generated version.txt).
//
// The launcher exits when its standard input closes, so that it never outlives the Node process
// that started it, even when that process is killed with SIGKILL.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", "", "existing directory for the SQLite files")
	listen := flag.String("listen", "127.0.0.1:27117", "TCP address to listen on")
	watchStdin := flag.Bool("exit-on-stdin-close", true, "exit when standard input reaches end of file")
	flag.Parse()

	if *dir == "" {
		log.Fatal("ferretdb-launcher: -dir is required")
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		log.Fatalf("ferretdb-launcher: cannot create %s: %v", *dir, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  "sqlite",
		// BEGIN IMMEDIATE: a writer waits its turn (busy_timeout) instead of failing with SQLITE_BUSY when
		// another connection committed between its read and its write.
		// (FerretDB v1.24 reads outside transactions, so only inserts and updates take the write lock.)
		// synchronous(normal) with WAL: a commit no longer waits for fsync, so the one writer holds the lock
		// for far less time. Nothing is lost if a process dies; only a power cut or OS crash can lose the last
		// commits. This database is for development and tests; production uses MONGODB_URI.
		// journal_size_limit: after a checkpoint the write-ahead log shrinks back to 64 MB; without it, the log
		// of a bulk load (172 MB for 100,000 records) stayed that size on disk.
		SQLiteURL: "file:" + ensureTrailingSlash(*dir) + "?_txlock=immediate&_pragma=synchronous(normal)" +
			"&_pragma=journal_size_limit(67108864)",
	})
	if err != nil {
		log.Fatalf("ferretdb-launcher: %v", err)
	}

	fmt.Fprintf(os.Stderr, "ferretdb-launcher: listening on %s\n", *listen)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb-launcher: %v", err)
	}
}

func ensureTrailingSlash(s string) string {
	if len(s) > 0 && s[len(s)-1] == '/' {
		return s
	}
	return s + "/"
}
