package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/lexicon"
	"github.com/medcoop/medcoop/internal/schematest"
	"github.com/medcoop/medcoop/store"
)

// reviewDB ingests two fixture sites' articles into a fresh store.
func reviewDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "medcoop.db")
	args := []string{"ingest", "--db", db, "../../fixtures/sites/courrier-vn/sante", "../../fixtures/sites/vn-health-en/health"}
	if code, _, stderr := medcoopCmd(t, args...); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return db
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := medcoopCmd(t, args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return out
}

// eventsJSON runs `events --format json` with extra filters, validates every
// event against the contract's schema and returns them.
func eventsJSON(t *testing.T, db string, filters ...string) []medcoop.Event {
	t.Helper()
	schema := schematest.Schema(t, "event.schema.json")
	out := mustRun(t, append([]string{"events", "--db", db, "--format", "json"}, filters...)...)
	var raws []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raws); err != nil {
		t.Fatalf("events: %v\n%s", err, out)
	}
	var evs []medcoop.Event
	for _, raw := range raws {
		schematest.Validate(t, schema, raw)
		var e medcoop.Event
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, e)
	}
	return evs
}

func findEvent(evs []medcoop.Event, party string) *medcoop.Event {
	for i := range evs {
		if slices.ContainsFunc(evs[i].Parties, func(p medcoop.Party) bool { return p.ID == party }) {
			return &evs[i]
		}
	}
	return nil
}

// TestReviewCommands runs every review subcommand on a store filled by
// ingest and checks what they print and what they store.
func TestReviewCommands(t *testing.T) {
	schema := schematest.Schema(t, "event.schema.json")
	db := reviewDB(t)
	all := eventsJSON(t, db)

	// The queue, as JSON: every unreviewed event, each valid.
	out := mustRun(t, "review", "list", "--db", db, "--format", "json")
	var queue []struct {
		Event     json.RawMessage `json:"event"`
		Conflicts []string        `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(out), &queue); err != nil || len(queue) != len(all) {
		t.Fatalf("review list --format json: %d items for %d events (%v)", len(queue), len(all), err)
	}
	for _, it := range queue {
		schematest.Validate(t, schema, it.Event)
	}
	if out := mustRun(t, "review", "list", "--db", db); !strings.Contains(out, "CONFLICTS") || !strings.Contains(out, "event(s) to review") {
		t.Errorf("review list:\n%s", out)
	}

	choRay := findEvent(all, "vn-cho-ray")
	if choRay == nil || len(choRay.Sources) != 2 {
		t.Fatalf("want the Cho Ray event with two sources: %+v", choRay)
	}
	id := choRay.ID
	text := mustRun(t, "review", "show", id, "--db", db)
	for _, want := range []string{id, choRay.Sources[0].URL, choRay.Sources[1].URL, "reads: partnership_renewed",
		`from "Jeudi dernier`, `written "hôpital Chợ Rẫy"`, "Trương Quang Vinh (Truong Quang Vinh)"} {
		if !strings.Contains(text, want) {
			t.Errorf("review show does not say %q:\n%s", want, text)
		}
	}
	var shown struct {
		Event   json.RawMessage `json:"event"`
		Sources []struct {
			Source medcoop.Source   `json:"source"`
			Report *json.RawMessage `json:"report"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "review", "show", id, "--db", db, "--format", "json")), &shown); err != nil {
		t.Fatal(err)
	}
	schematest.Validate(t, schema, shown.Event)
	if len(shown.Sources) != 2 {
		t.Fatalf("review show --format json: %d sources, want 2", len(shown.Sources))
	}
	for _, s := range shown.Sources {
		if s.Report == nil {
			t.Fatalf("source %s has no report", s.Source.URL)
		}
		schematest.Validate(t, schema, *s.Report)
	}

	// Corrections, each one line on stdout.
	ed := []string{"--db", db, "--editor", "ana"}
	for _, args := range [][]string{
		{"set", id, "type", "exchange_programme"},
		{"set", id, "date", "2025-10"},
		{"set", id, "place", "Hà Nội"},
		{"add", id, "party", "CHU", "de", "Nantes"},
		{"add", id, "party", "Clinique des Lilas de Quimper"},
		{"add", id, "person", "Lê Văn Tám"},
		{"add", id, "domain", "cardiology"},
		{"remove", id, "domain", "nursing"},
		{"remove", id, "person", "Truong Quang Vinh"},
	} {
		out := mustRun(t, append(append([]string{"review"}, args...), ed...)...)
		if !strings.HasPrefix(out, "#") || strings.Count(out, "\n") != 1 || !strings.Contains(out, "(by ana)") {
			t.Errorf("review %v printed %q, want one line naming the change", args, out)
		}
	}
	got := findEvent(eventsJSON(t, db, "--status", "corrected"), "vn-cho-ray")
	if got == nil {
		t.Fatal("the corrected event is not listed by events --status corrected")
	}
	if got.Type != medcoop.ExchangeProgramme || got.Date.Value != "2025-10" || got.Date.Precision != medcoop.Month ||
		got.Place.Name != "Hanoi" || got.Place.Country != "VN" || got.Review.By == nil || *got.Review.By != "ana" {
		t.Errorf("corrected event: %s %+v %+v %+v", got.Type, got.Date, got.Place, got.Review)
	}
	if findEvent([]medcoop.Event{*got}, "fr-chu-nantes") == nil {
		t.Errorf("CHU de Nantes was not resolved to the gazetteer's fr-chu-nantes: %+v", got.Parties)
	}
	if !slices.ContainsFunc(got.Parties, func(p medcoop.Party) bool {
		return strings.HasPrefix(p.ID, "x-") && p.Name == "Clinique des Lilas de Quimper"
	}) {
		t.Errorf("an unknown institution did not get a discovered id: %+v", got.Parties)
	}
	if !slices.ContainsFunc(got.People, func(p medcoop.Person) bool { return p.NameASCII == "Le Van Tam" }) ||
		slices.ContainsFunc(got.People, func(p medcoop.Person) bool { return p.NameASCII == "Truong Quang Vinh" }) {
		t.Errorf("people: %+v", got.People)
	}
	if !slices.ContainsFunc(got.Domains, func(d medcoop.Domain) bool { return d.Code == "cardiology" && d.Label != "" }) ||
		slices.ContainsFunc(got.Domains, func(d medcoop.Domain) bool { return d.Code == "nursing" }) {
		t.Errorf("domains: %+v", got.Domains)
	}

	log := mustRun(t, "review", "log", id, "--db", db)
	if !strings.Contains(log, "9 change(s)") || !strings.Contains(log, "partnership_renewed") || !strings.Contains(log, "exchange_programme") {
		t.Errorf("review log:\n%s", log)
	}
	out = mustRun(t, "review", "undo", id, "--db", db, "--editor", "bo")
	if !strings.Contains(out, "undo of #9") {
		t.Errorf("review undo printed %q", out)
	}
	got = findEvent(eventsJSON(t, db, "--person", "Truong Quang Vinh"), "vn-cho-ray")
	if got == nil {
		t.Errorf("undo did not bring Truong Quang Vinh back")
	}
	var entries []store.LogEntry
	if err := json.Unmarshal([]byte(mustRun(t, "review", "log", "--db", db, "--format", "json")), &entries); err != nil || len(entries) != 10 {
		t.Fatalf("review log --format json: %d entries, %v", len(entries), err)
	}
	if entries[8].UndoneBy != 10 || entries[9].Editor != "bo" {
		t.Errorf("log does not record the undo: %+v", entries[8:])
	}

	// Reject hides an event from events unless asked for; verify keeps it.
	research := findEvent(all, "vn-nhiet-doi-trung-uong")
	lyon := findEvent(all, "fr-hcl")
	if research == nil || lyon == nil {
		t.Fatalf("fixture events missing: %v %v", research, lyon)
	}
	mustRun(t, "review", "reject", research.ID, "--db", db)
	mustRun(t, "review", "verify", lyon.ID, "--db", db)
	if findEvent(eventsJSON(t, db), "vn-nhiet-doi-trung-uong") != nil {
		t.Errorf("a rejected event is listed by events without --status")
	}
	if rej := eventsJSON(t, db, "--status", "rejected"); len(rej) != 1 || rej[0].ID != research.ID {
		t.Errorf("events --status rejected: %+v", rej)
	}
	if v := eventsJSON(t, db, "--status", "verified"); len(v) != 1 || v[0].ID != lyon.ID {
		t.Errorf("events --status verified: %+v", v)
	}
	if len(eventsJSON(t, db)) != len(all)-1 {
		t.Errorf("events lost more than the rejected one")
	}

	// Merge the Lyon event into the Cho Ray one, then split it out again.
	out = mustRun(t, "review", "merge", id, lyon.ID, "--db", db)
	if !strings.Contains(out, "merge") {
		t.Errorf("merge printed %q", out)
	}
	merged := findEvent(eventsJSON(t, db, "--status", "corrected"), "fr-hcl")
	if merged == nil || merged.ID != id || len(merged.Sources) != 3 {
		t.Fatalf("merged event: %+v", merged)
	}
	lyonURL := lyon.Sources[0].URL
	mustRun(t, "review", "split", id, lyonURL, "--db", db)
	// The kept event is reviewed, so it keeps the parties it gained: the
	// split-out event is the other one naming the HCL.
	corrected := eventsJSON(t, db, "--status", "corrected")
	corrected = slices.DeleteFunc(corrected, func(e medcoop.Event) bool { return e.ID == id })
	back := findEvent(corrected, "fr-hcl")
	if back == nil || back.ID == id || len(back.Sources) != 1 || back.Sources[0].URL != lyonURL {
		t.Errorf("split-out event: %+v", back)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	page, _, err := st.Page(lyonURL)
	st.Close()
	if err != nil || back == nil || !slices.Equal(page.EventIDs, []string{back.ID}) {
		t.Errorf("the split page lists %v, want the new event", page.EventIDs)
	}
}

// TestReviewUsageErrors checks that unknown events, fields and values are
// usage errors (exit 2) with a one-line reason.
func TestReviewUsageErrors(t *testing.T) {
	db := reviewDB(t)
	id := findEvent(eventsJSON(t, db), "vn-cho-ray").ID
	other := findEvent(eventsJSON(t, db), "fr-hcl").ID
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"show", "ev-nope"}, exitUsage, `no event "ev-nope"`},
		{[]string{"verify", "ev-nope"}, exitUsage, "not found"},
		{[]string{"set", id, "colour", "red"}, exitUsage, `field "colour"`},
		{[]string{"set", id, "type", "signing"}, exitUsage, "want one of"},
		{[]string{"set", id, "date", "2025-13"}, exitUsage, "YYYY-MM"},
		{[]string{"set", id, "date", "12/11/2025"}, exitUsage, "YYYY-MM"},
		{[]string{"set", id, "place", "Hanoi, VNM"}, exitUsage, "two-letter"},
		{[]string{"add", id, "domain", "astrology"}, exitUsage, "not a domain code"},
		{[]string{"add", id, "party", "Cho Ray Hospital"}, exitUsage, "already a party"},
		{[]string{"remove", id, "person", "Nobody Here"}, exitUsage, "no person"},
		{[]string{"add", id, "person", "张伟"}, exitUsage, "Latin"},
		{[]string{"merge", id, "ev-nope"}, exitUsage, "not found"},
		{[]string{"merge", id}, exitUsage, "arg"},
		{[]string{"split", id, "https://nowhere.example/"}, exitUsage, "not a source"},
		{[]string{"split", other, findEvent(eventsJSON(t, db), "fr-hcl").Sources[0].URL}, exitUsage, "leaves it empty"},
		{[]string{"list", "--format", "xml"}, exitUsage, "--format"},
		{[]string{"nope"}, exitUsage, "nope"},
		{[]string{"undo"}, exitFailed, "nothing to undo"},
		{[]string{"list", "--db", filepath.Join(t.TempDir(), "none.db")}, exitFailed, "none.db"},
	}
	before := mustRun(t, "events", "--db", db, "--format", "json")
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"review", "--db", db}, tt.args...)
			code, _, stderr := medcoopCmd(t, args...)
			if code != tt.code || !strings.Contains(stderr, tt.says) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("exit %d, stderr %q: want exit %d and one line saying %q", code, stderr, tt.code, tt.says)
			}
		})
	}
	if after := mustRun(t, "events", "--db", db, "--format", "json"); after != before {
		t.Errorf("a refused change changed the events")
	}
}

// TestReviewLocked checks that a review command on a database another
// process holds fails with the store's clear message.
func TestReviewLocked(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the lock")
	}
	db := reviewDB(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, _, stderr := medcoopCmd(t, "review", "verify", "ev-any", "--db", db)
	if code != exitFailed || !strings.Contains(stderr, "another medcoop process holds the database") {
		t.Errorf("exit %d, stderr %q: want exit 1 saying the database is held", code, stderr)
	}
}

// TestReviewInteractive walks the queue with scripted input: skip, a bad
// and a good edit, verify, reject, undo, quit.
func TestReviewInteractive(t *testing.T) {
	db := reviewDB(t)
	var queue []store.QueueItem
	if err := json.Unmarshal([]byte(mustRun(t, "review", "list", "--db", db, "--format", "json")), &queue); err != nil || len(queue) < 4 {
		t.Fatalf("queue: %d, %v", len(queue), err)
	}
	script := strings.Join([]string{
		"s",                     // the first: skipped
		"e", "set type signing", // the second: a bad edit, refused
		"e", "set date 2025-10", "x", // a good edit, then an unknown letter
		"v",       // verified
		"r",       // the third: rejected
		"u",       // the reject taken back
		"q", "v"}, // quit: the last line is never read
		"\n") + "\n"
	var out, errOut bytes.Buffer
	code := run([]string{"review", "-i", "--db", db, "--editor", "ana"}, strings.NewReader(script), &out, &errOut)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	o := out.String()
	for _, want := range []string{"(1/", "(2/", "(3/", "not done: set type", "#1 set", "#2 verify", "#3 reject", "#4 undo of #3",
		"1 verified, 0 rejected, 1 skipped, 1 change(s) made", "v verify, r reject"} {
		if !strings.Contains(o, want) {
			t.Errorf("the walk does not say %q:\n%s", want, o)
		}
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	second, err := st.Event(queue[1].Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if second.Review.Status != medcoop.Verified || *second.Review.By != "ana" || second.Date.Value != "2025-10" {
		t.Errorf("second event: %+v %+v", second.Review, second.Date)
	}
	third, err := st.Event(queue[2].Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if third.Review.Status != medcoop.Unreviewed {
		t.Errorf("the undone reject left %+v", third.Review)
	}
	first, err := st.Event(queue[0].Event.ID)
	if err != nil || first.Review.Status != medcoop.Unreviewed {
		t.Errorf("the skipped event: %+v, %v", first, err)
	}

	// Not on a terminal and without -i, review prints the queue.
	if out := mustRun(t, "review", "--db", db); !strings.Contains(out, "event(s) to review") {
		t.Errorf("review off a terminal printed %q", out)
	}
}

// lineReader gives one line per Read, and runs before[i] just before it
// gives line i: the walk asks for line i only once it has acted on line
// i-1, so before[i] runs between two of its actions.
type lineReader struct {
	lines  []string
	before map[int]func()
	next   int
}

func (r *lineReader) Read(p []byte) (int, error) {
	if r.next >= len(r.lines) {
		return 0, io.EOF
	}
	if f := r.before[r.next]; f != nil {
		f()
	}
	line := r.lines[r.next] + "\n"
	if len(p) < len(line) {
		return 0, io.ErrShortBuffer
	}
	r.next++
	return copy(p, line), nil
}

// TestReviewInteractiveSharesTheStore walks the queue while another editor
// changes the store between two of the walk's actions (which needs the
// walk not to hold the database): u then takes back the walk's own last
// change, not the other editor's, which came later.
func TestReviewInteractiveSharesTheStore(t *testing.T) {
	db := reviewDB(t)
	var queue []store.QueueItem
	if err := json.Unmarshal([]byte(mustRun(t, "review", "list", "--db", db, "--format", "json")), &queue); err != nil || len(queue) < 3 {
		t.Fatalf("queue: %d, %v", len(queue), err)
	}
	first, last := queue[0].Event.ID, queue[len(queue)-1].Event.ID
	in := &lineReader{lines: []string{"r", "u", "q"}, before: map[int]func(){
		1: func() { // between the reject and the undo
			st, err := store.Open(db, store.Options{Timeout: time.Second})
			if err != nil {
				t.Errorf("the walk holds the database between its actions: %v", err)
				return
			}
			defer st.Close()
			if _, err := st.Verify("bo", last); err != nil {
				t.Error(err)
			}
		},
	}}
	var out, errOut bytes.Buffer
	if code := run([]string{"review", "-i", "--db", db, "--editor", "ana"}, in, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"#1 reject " + first, "#3 undo of #1", "0 verified, 0 rejected, 0 skipped, 0 change(s) made"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the walk does not say %q:\n%s", want, out.String())
		}
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if e, err := st.Event(first); err != nil || e.Review.Status != medcoop.Unreviewed {
		t.Errorf("the walk's reject was not taken back: %+v, %v", e, err)
	}
	if e, err := st.Event(last); err != nil || e.Review.Status != medcoop.Verified || *e.Review.By != "bo" {
		t.Errorf("the other editor's verify was taken back: %+v, %v", e, err)
	}
}

// FuzzReviewValues checks that the parsers of an editor's date and place
// never panic and give only values the contract accepts.
func FuzzReviewValues(f *testing.F) {
	for _, s := range []string{"2025", "2025-11", "2025-02-30", "Hà Nội", "Hanoi, vn", "Huế, VNM", ", FR", "x,"} {
		f.Add(s)
	}
	dateRE := regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	countryRE := regexp.MustCompile(`^[A-Z]{2}$`) // the schema's place.country
	f.Fuzz(func(t *testing.T, v string) {
		if d, err := store.ParseDate(v); err == nil && (!dateRE.MatchString(d.Value) || medcoop.PrecisionRank(d.Precision) == 0) {
			t.Errorf("ParseDate(%q) = %+v", v, d)
		}
		if p, err := parsePlace(v); err == nil && (p.Name == "" || (p.Country != "" && !countryRE.MatchString(p.Country))) {
			t.Errorf("parsePlace(%q) = %+v", v, p)
		}
	})
}

// TestResolvePartyDiscoveredID checks that an institution an editor types
// gets the id extraction gives the same name when it discovers it.
func TestResolvePartyDiscoveredID(t *testing.T) {
	for _, name := range []string{"la Clinique Saint-Roch", "Clinique des Lilas de Quimper"} {
		ms := lexicon.Institutions().Find(name)
		if len(ms) != 1 || !ms[0].Discovered {
			t.Fatalf("Find(%q) = %+v, want one discovered institution", name, ms)
		}
		if got := resolveParty(ms[0].Surface); got.ID != ms[0].Institution.ID || got.ID != lexicon.DiscoveredID(ms[0].Surface) {
			t.Errorf("resolveParty(%q).ID = %s, extraction says %s", ms[0].Surface, got.ID, ms[0].Institution.ID)
		}
	}
}
