package store

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "medcoop.db"), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if got := string(tx.Bucket(bucketMeta).Get(keySchemaVersion)); got != "1" {
			t.Errorf("schema version = %q, want 1", got)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Reopening, read-write then read-only, finds the same database.
	for _, ro := range []bool{false, true} {
		s, err := Open(path, Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("reopen (read-only %v): %v", ro, err)
		}
		s.Close()
	}
}

// writeBolt makes a bbolt file with the given buckets and meta values.
func writeBolt(t *testing.T, path string, buckets []string, meta map[string]string) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range buckets {
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			if name == "meta" {
				for k, v := range meta {
					if err := b.Put([]byte(k), []byte(v)); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesOtherSchemas(t *testing.T) {
	all := []string{"meta", "pages", "events", "party_events", "runs"}
	tests := []struct {
		name    string
		buckets []string
		meta    map[string]string
		want    error
		msg     string
	}{
		{"newer version", all, map[string]string{"schema_version": "2"}, ErrSchema, "version 2"},
		{"unknown version", all, map[string]string{"schema_version": "two"}, ErrSchema, `"two"`},
		{"no version", all, nil, ErrSchema, "not a number"},
		{"another program's bbolt", []string{"widgets"}, nil, ErrNotDatabase, "meta"},
		{"missing bucket", []string{"meta"}, map[string]string{"schema_version": "1"}, ErrNotDatabase, "pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			writeBolt(t, path, tt.buckets, tt.meta)
			for _, ro := range []bool{false, true} {
				s, err := Open(path, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("Open (read-only %v) accepted the file", ro)
				}
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), path) {
					t.Errorf("Open (read-only %v) = %v, want %v mentioning %q and the path", ro, err, tt.want, tt.msg)
				}
			}
		})
	}
}

func TestOpenRefusesGarbage(t *testing.T) {
	html := []byte("<!doctype html><html><body>not a database</body></html>\n")
	tests := []struct {
		name string
		data []byte
	}{
		{"short text", []byte("hello")},
		{"html page", html},
		{"one page of zeros", make([]byte, 4096)},
		{"64 KiB of html", bytes.Repeat(html, 64*1024/len(html)+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "garbage.db")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(path)
			for _, ro := range []bool{false, true} {
				s, err := Open(path, Options{ReadOnly: ro, Timeout: time.Second})
				if err == nil {
					s.Close()
					t.Fatalf("Open (read-only %v) accepted garbage", ro)
				}
				if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "corrupted or not a medcoop database") {
					t.Errorf("Open (read-only %v) = %v, want ErrNotDatabase", ro, err)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := os.Stat(path)
			if !bytes.Equal(after, tt.data) || !st.ModTime().Equal(before.ModTime()) {
				t.Errorf("the file was modified")
			}
		})
	}
}

func TestOpenReadOnlyMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "absent.db")
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Open = %v, want a not-exist error", err)
	}
	if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("a read-only Open created the file")
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.PutRun(RunRecord{Start: time.Now()}); err == nil {
		t.Errorf("PutRun on a read-only store succeeded")
	}
}

// TestHelperProcess is not a test: TestOpenLocked runs the test binary again
// with it to hold the database from another process, since bbolt's flock is
// meant to keep processes apart.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv("MEDCOOP_STORE_HELPER_DB")
	if path == "" {
		t.Skip("helper process for TestOpenLocked")
	}
	s, err := Open(path, Options{ReadOnly: os.Getenv("MEDCOOP_STORE_HELPER_RO") == "1"})
	if err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("ready\n")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
	s.Close()
	os.Exit(0)
}

// holdFromOtherProcess opens path in a child process and returns a function
// that makes the child close it and exit.
func holdFromOtherProcess(t *testing.T, path string, readOnly bool) func() {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "MEDCOOP_STORE_HELPER_DB="+path)
	if readOnly {
		cmd.Env = append(cmd.Env, "MEDCOOP_STORE_HELPER_RO=1")
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		stdin.Close()
		cmd.Wait()
		t.Fatalf("helper process: %q, %v", line, err)
	}
	released := false
	release := func() {
		if released {
			return
		}
		released = true
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper process: %v", err)
		}
	}
	t.Cleanup(release)
	return release
}

func TestOpenLocked(t *testing.T) {
	if testing.Short() {
		t.Skip("starts helper processes")
	}
	tests := []struct {
		name           string
		holderReadOnly bool
		readOnly       bool
		wantLocked     bool
	}{
		{"writer blocks writer", false, false, true},
		{"writer blocks reader", false, true, true},
		{"reader blocks writer", true, false, true},
		{"readers share", true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "locked.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			release := holdFromOtherProcess(t, path, tt.holderReadOnly)
			const timeout = 300 * time.Millisecond
			start := time.Now()
			s, err = Open(path, Options{ReadOnly: tt.readOnly, Timeout: timeout})
			waited := time.Since(start)
			if !tt.wantLocked {
				if err != nil {
					t.Fatalf("Open = %v, want success", err)
				}
				s.Close()
				return
			}
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded while another process holds the database")
			}
			if !errors.Is(err, ErrLocked) {
				t.Errorf("Open = %v, want ErrLocked", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "another medcoop process holds the database at "+path) {
				t.Errorf("message %q does not say who holds what", msg)
			}
			// bbolt gives up one 50 ms retry early.
			if waited < timeout-100*time.Millisecond || waited > timeout+2*time.Second {
				t.Errorf("waited %s with a timeout of %s", waited, timeout)
			}
			release()
			s, err = Open(path, Options{ReadOnly: tt.readOnly, Timeout: 5 * time.Second})
			if err != nil {
				t.Fatalf("Open after the other process left = %v", err)
			}
			s.Close()
		})
	}
}

func TestRuns(t *testing.T) {
	s := openTemp(t)
	t1 := time.Date(2025, 11, 13, 2, 0, 0, 0, time.UTC)
	t2 := t1.Add(24 * time.Hour)
	// Put at the start, then again at the end: one run.
	if err := s.PutRun(RunRecord{Command: "crawl", Start: t2}); err != nil {
		t.Fatal(err)
	}
	done := RunRecord{Command: "crawl", Start: t2, End: t2.Add(time.Minute),
		Sources: map[string]map[string]int64{"chu-nimes": {"fetched": 12, "not_modified": 3, "errors": 1}}}
	if err := s.PutRun(done); err != nil {
		t.Fatal(err)
	}
	if err := s.PutRun(RunRecord{ID: "first", Command: "ingest", Start: t1, End: t1.Add(time.Second), Error: "interrupted"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutRun(RunRecord{}); err == nil {
		t.Error("PutRun of a run without ID or start succeeded")
	}
	runs, err := s.Runs()
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("got %d runs, want 2: %+v", len(runs), runs)
	}
	if runs[0].ID != "first" || runs[0].Error != "interrupted" {
		t.Errorf("runs[0] = %+v", runs[0])
	}
	if got := runs[1]; !got.End.Equal(done.End) || got.Sources["chu-nimes"]["fetched"] != 12 || got.ID == "" {
		t.Errorf("runs[1] = %+v", got)
	}
	st, err := s.Stats()
	if err != nil || st.Runs != 2 {
		t.Errorf("Stats = %+v, %v", st, err)
	}
}

func TestHasFrontier(t *testing.T) {
	s := openTemp(t)
	if has, err := s.HasFrontier(); err != nil || has {
		t.Fatalf("new store: HasFrontier = %v, %v; want false", has, err)
	}
	if err := s.PushFrontier([]FrontierEntry{{URL: "https://h.example/a", Source: "s", Kind: "page"}}); err != nil {
		t.Fatal(err)
	}
	if has, err := s.HasFrontier(); err != nil || !has {
		t.Fatalf("after a push: HasFrontier = %v, %v; want true", has, err)
	}
	if err := s.ClearFrontier(); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasFrontier(); has {
		t.Fatal("after ClearFrontier: HasFrontier = true")
	}
}
