// Command medcoop turns hospital press releases and news pages in French,
// Vietnamese and English into a database of international medical
// cooperation events. Each subcommand lives in its own cmd_*.go file: it
// parses flags, calls the library and prints. See the contract in
// ../shared/contract/README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit statuses of the contract.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	defaultDB   = "medcoop.db"
	envDB       = "MEDCOOP_DB"
	projectName = "medcoop"
)

// usageError marks an error the user made in calling medcoop.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd(stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "medcoop: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command ") {
		return exitUsage // cobra's unknown-command error has no type of its own
	}
	return exitFailed
}

// options are the flags every command shares.
type options struct {
	db      string
	verbose bool
}

func newRootCmd(logTo io.Writer) *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:           "medcoop",
		Short:         "International medical cooperation events from hospital and news pages",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelInfo
			if opts.verbose {
				level = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(logTo, &slog.HandlerOptions{Level: level})))
		},
	}
	db := os.Getenv(envDB)
	if db == "" {
		db = defaultDB
	}
	root.PersistentFlags().StringVar(&opts.db, "db", db, "the database file (default $MEDCOOP_DB, else ./medcoop.db)")
	root.PersistentFlags().BoolVarP(&opts.verbose, "verbose", "v", false, "log every step")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newExtractCmd(opts),
		newIngestCmd(opts),
		newCrawlCmd(opts),
		newEventsCmd(opts),
		newDemoCmd(opts),
		newRunsCmd(opts),
		newEvalCmd(opts),
		newReviewCmd(opts),
	)
	return root
}

// usageArgs wraps a cobra argument check so that its failure is a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
