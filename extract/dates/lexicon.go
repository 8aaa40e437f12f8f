package dates

import (
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// langData is one data/<lang>.yaml file: the words of one language's dates.
type langData struct {
	Lang             string      `yaml:"lang"`
	Months           [][]string  `yaml:"months"`
	MonthWord        string      `yaml:"month_word"`
	DayWord          string      `yaml:"day_word"`
	YearWord         string      `yaml:"year_word"`
	Weekdays         [][]string  `yaml:"weekdays"`
	BareWeekday      bool        `yaml:"bare_weekday"`
	WeekdayPrefixes  []string    `yaml:"weekday_prefixes"`
	WeekdayAfter     weekdayMod  `yaml:"weekday_after"`
	WeekdayBefore    weekdayMod  `yaml:"weekday_before"`
	RelativeDays     []relDay    `yaml:"relative_days"`
	RelativePeriods  []relPeriod `yaml:"relative_periods"`
	DayOfRelMonth    []relDay    `yaml:"day_of_relative_month"`
	CountWords       []string    `yaml:"count_words"`
	RelativeStops    []string    `yaml:"relative_stops"`
	TimesOfDay       []string    `yaml:"times_of_day"`
	DayMonthPrefixes []string    `yaml:"daymonth_prefixes"`
	MonthPrefixes    []string    `yaml:"month_prefixes"`
	YearPrefixes     []string    `yaml:"year_prefixes"`
	QuantityAfter    []string    `yaml:"quantity_after"`
	PublishedPrefix  []string    `yaml:"published_prefixes"`
	UpdatedPrefix    []string    `yaml:"updated_prefixes"`
	PublishedFillers []string    `yaml:"published_fillers"`
	OrdinalSuffixes  []string    `yaml:"ordinal_suffixes"`
	FirstDay         []string    `yaml:"first_day"`
	DayMonthJoiners  []string    `yaml:"day_month_joiners"`
	MonthYearJoiners []string    `yaml:"month_year_joiners"`
	Ahead            struct {
		After  []string `yaml:"after"`
		Before []string `yaml:"before"`
		Future []string `yaml:"future"`
		// PastBefore are the words before a date without its year that
		// say it is past, never to come ("last November").
		PastBefore []string `yaml:"past_before"`
	} `yaml:"ahead"`
	Historical struct {
		Before        []string `yaml:"before"`
		After         []string `yaml:"after"`
		Decades       []string `yaml:"decades"`
		DecadeSuffix  string   `yaml:"decade_suffix"`
		DecadeJoiners []string `yaml:"decade_joiners"`
		RangeStart    []string `yaml:"range_start"`
		RangeJoiners  []string `yaml:"range_joiners"`
	} `yaml:"historical"`
}

// weekdayMod lists the words that move a weekday to the previous or next
// occurrence, or into the previous or next calendar week.
type weekdayMod struct {
	Previous     []string `yaml:"previous"`
	Next         []string `yaml:"next"`
	PreviousWeek []string `yaml:"previous_week"`
	NextWeek     []string `yaml:"next_week"`
}

// relDay is a word for a day relative to the reference date.
type relDay struct {
	Words  []string `yaml:"words"`
	Offset int      `yaml:"offset"`
}

// relPeriod is a phrase for a week or a month relative to the reference
// date: "la semaine dernière" is {week, -1}, "this month" {month, 0}.
type relPeriod struct {
	Words  []string `yaml:"words"`
	Unit   string   `yaml:"unit"` // "week" or "month"
	Offset int      `yaml:"offset"`
}

// kind says which pattern found a candidate date.
type kind int

const (
	kindDayMonthName    kind = iota // "8 janvier 2018", "ngày 8 tháng 1 năm 2018", "12 novembre"
	kindMonthDayName                // "November 12, 2025"
	kindMonthYear                   // "août 2017", "tháng 11/2025"
	kindMonthAlone                  // "en novembre", "vào tháng 11"
	kindNumeric                     // "12/11/2025", "19.12.2022"
	kindNumericDayMonth             // "chiều 12/11", "le 12/11"
	kindISO                         // "2025-11-12"
	kindYear                        // "en 2018", "năm 2018"
	kindDecade                      // "dans les années 1980 et 1990"
	kindYearRange                   // "de 1991 à 2000", "2018–2020"
	kindRelative                    // "hier", "hôm qua", "la semaine dernière", "tháng trước", "last month"
	kindWeekday                     // "jeudi dernier", "thứ Năm tuần trước", "last Thursday"
	kindDayRelMonth                 // "le 3 courant", "ngày 3 tháng này", "the 3rd of last month"
)

// pattern is one compiled candidate pattern. Its regular expression has a
// group "all" (the mention) and optional groups "date", "day", "month",
// "mnum", "year", "year2", "wd", "mod", "rel".
type pattern struct {
	kind       kind
	needsDigit bool // every match holds a digit: search only near digits

	anchored *regexp.Regexp   // `^(?P<all>expr)`, tried at one position
	first    runeSet          // the runes a match of expr starts with
	groups   map[string][]int // group name -> its indices in anchored
}

// lexicon is one language's compiled date knowledge.
type lexicon struct {
	lang     string
	patterns []pattern
	firstAny runeSet // the runes any pattern's match starts with

	monthSpellings []string        // every month spelling of the data file
	ruleMonthsOnce sync.Once       // computes ruleMonthSet
	ruleMonthSet   map[string]bool // folded month spellings the rule layer reads
	monthIndex     map[string]int  // folded spelling -> 1..12
	weekdayIdx     map[string]int  // folded spelling -> 0 (Monday)..6
	modKind        map[string]weekdayShift
	relOffset      map[string]int
	relPeriod      map[string]relPeriod // folded phrase -> its week or month
	relMonth       map[string]int       // folded phrase after a day -> month offset
	firstDay       map[string]bool      // words for the first of the month ("premier")
	quantity       *regexp.Regexp       // at the start of the text after a year
	histBefore     *regexp.Regexp       // at the end of the text before a mention
	histAfter      *regexp.Regexp       // at the start of the text after a mention
	dayRange       *regexp.Regexp       // "du 8 au" before a day-precise mention: the range's first day
	dayInRange     *regexp.Regexp       // " 6 au" after a bare weekday: "lundi 6" opens a range, it is no latest Monday
	countBefore    *regexp.Regexp       // at the end of the text before a relative period: "3 tháng trước" is a count
	relStop        *regexp.Regexp       // at the start of the text after a relative period: "tháng trước đó", "last week's"
	published      *regexp.Regexp
	updated        *regexp.Regexp
	fillers        *regexp.Regexp // the whole gap between a prefix and its date
	weekdayLine    *regexp.Regexp // a line that opens with a weekday
	aheadAfter     *regexp.Regexp // at the start of the text after a date without its year: "février prochain", "tháng 2 tới"
	aheadBefore    *regexp.Regexp // at the end of the text before it: "next February"
	pastBefore     *regexp.Regexp // at the end of the text before it: "last February"
	future         *regexp.Regexp // a verb of the future in the text before it: "will return in February"
	dateNext       *regexp.Regexp // a date's start at the start of a text: "tới tháng 5" is "to May", not "to come"
}

// weekdayShift says how a modifier moves a weekday.
type weekdayShift int

const (
	shiftNone         weekdayShift = iota // the most recent such day, ref included
	shiftPrevious                         // the most recent such day before ref
	shiftNext                             // the next such day after ref
	shiftPreviousWeek                     // that day in the calendar week before ref's
	shiftNextWeek                         // that day in the calendar week after ref's
)

var (
	lexOnce  sync.Once
	lexicons map[string]*lexicon
	lexErr   error
)

// lexiconFor returns the compiled lexicon of lang, loading every data file on
// first use.
func lexiconFor(lang string) (*lexicon, error) {
	lexOnce.Do(func() { lexicons, lexErr = loadLexicons() })
	if lexErr != nil {
		return nil, lexErr
	}
	lx, ok := lexicons[lang]
	if !ok {
		return nil, fmt.Errorf("dates: no data for language %q", lang)
	}
	return lx, nil
}

func loadLexicons() (map[string]*lexicon, error) {
	data, err := langDataFiles()
	if err != nil {
		return nil, err
	}
	out := make(map[string]*lexicon)
	for _, d := range data {
		lx, err := compileLexicon(d)
		if err != nil {
			return nil, fmt.Errorf("compile %s data: %w", d.Lang, err)
		}
		out[d.Lang] = lx
	}
	return out, nil
}

var (
	langDataOnce sync.Once
	langDataList []*langData
	langDataErr  error
)

// langDataFiles returns the parsed data files, in file order, read once for
// the lexicons and the publication-mark index alike.
func langDataFiles() ([]*langData, error) {
	langDataOnce.Do(func() {
		entries, err := dataFS.ReadDir("data")
		if err != nil {
			langDataErr = fmt.Errorf("read dates data: %w", err)
			return
		}
		for _, e := range entries {
			name := "data/" + e.Name()
			raw, err := dataFS.ReadFile(name)
			if err != nil {
				langDataErr = fmt.Errorf("read %s: %w", name, err)
				return
			}
			d := &langData{}
			if err := yaml.Unmarshal(raw, d); err != nil {
				langDataErr = fmt.Errorf("parse %s: %w", name, err)
				return
			}
			langDataList = append(langDataList, d)
		}
	})
	return langDataList, langDataErr
}

// phraseRE turns a data phrase into a regular expression: spaces match any
// white space, apostrophes and hyphens their typographic variants.
func phraseRE(p string) string {
	var b strings.Builder
	for i, w := range strings.Fields(p) {
		if i > 0 {
			b.WriteString(`\s+`)
		}
		for _, r := range w {
			switch r {
			case '\'', '’':
				b.WriteString(`['’]`)
			case '-', '‑', '–':
				b.WriteString(`[-‑–]`)
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
	}
	return b.String()
}

// alt is an alternation of phrases, longest first so that the longest wins.
func alt(phrases ...[]string) string {
	var all []string
	seen := map[string]bool{}
	for _, ps := range phrases {
		for _, p := range ps {
			if p = strings.TrimSpace(p); p != "" && !seen[p] {
				seen[p] = true
				all = append(all, p)
			}
		}
	}
	if len(all) == 0 {
		return `(?:\x{0}\x{0}NEVER)` // matches no text
	}
	sort.Slice(all, func(i, j int) bool {
		if len(all[i]) != len(all[j]) {
			return len(all[i]) > len(all[j])
		}
		return all[i] < all[j]
	})
	parts := make([]string, len(all))
	for i, p := range all {
		parts[i] = phraseRE(p)
	}
	return "(?:" + strings.Join(parts, "|") + ")"
}

// boundary is what must stand before a mention: the start of text or a rune
// that is neither letter nor digit. Go's \b knows only ASCII letters.
const boundary = `(?:^|[^\p{L}\p{N}])`

func compileLexicon(d *langData) (*lexicon, error) {
	if len(d.Months) != 12 || len(d.Weekdays) != 7 {
		return nil, fmt.Errorf("language %q: want 12 months and 7 weekdays, have %d and %d", d.Lang, len(d.Months), len(d.Weekdays))
	}
	lx := &lexicon{
		lang:       d.Lang,
		monthIndex: map[string]int{},
		weekdayIdx: map[string]int{},
		modKind:    map[string]weekdayShift{},
		relOffset:  map[string]int{},
		relPeriod:  map[string]relPeriod{},
		relMonth:   map[string]int{},
		firstDay:   map[string]bool{},
	}
	for _, w := range d.FirstDay {
		lx.firstDay[foldKey(w)] = true
	}
	for i, ms := range d.Months {
		for _, m := range ms {
			lx.monthIndex[foldKey(m)] = i + 1
			lx.monthSpellings = append(lx.monthSpellings, m)
		}
	}
	for i, ws := range d.Weekdays {
		for _, w := range ws {
			lx.weekdayIdx[foldKey(w)] = i
		}
	}
	for _, mods := range []struct {
		words []string
		shift weekdayShift
	}{
		{d.WeekdayAfter.Previous, shiftPrevious}, {d.WeekdayBefore.Previous, shiftPrevious},
		{d.WeekdayAfter.Next, shiftNext}, {d.WeekdayBefore.Next, shiftNext},
		{d.WeekdayAfter.PreviousWeek, shiftPreviousWeek}, {d.WeekdayBefore.PreviousWeek, shiftPreviousWeek},
		{d.WeekdayAfter.NextWeek, shiftNextWeek}, {d.WeekdayBefore.NextWeek, shiftNextWeek},
	} {
		for _, w := range mods.words {
			lx.modKind[foldKey(w)] = mods.shift
		}
	}
	var relWords []string
	for _, r := range d.RelativeDays {
		for _, w := range r.Words {
			lx.relOffset[foldKey(w)] = r.Offset
			relWords = append(relWords, w)
		}
	}
	var periodWords []string
	for _, r := range d.RelativePeriods {
		if r.Unit != "week" && r.Unit != "month" {
			return nil, fmt.Errorf("language %q: relative period %v: unit %q is neither week nor month", d.Lang, r.Words, r.Unit)
		}
		for _, w := range r.Words {
			lx.relPeriod[foldKey(w)] = r
			periodWords = append(periodWords, w)
		}
	}
	var relMonthWords []string
	for _, r := range d.DayOfRelMonth {
		for _, w := range r.Words {
			lx.relMonth[foldKey(w)] = r.Offset
			relMonthWords = append(relMonthWords, w)
		}
	}

	months := alt(d.Months...)
	month := `(?P<month>` + months + `)`
	if d.MonthWord != "" {
		month = `(?:(?P<month>` + months + `)|` + phraseRE(d.MonthWord) + `\s+(?P<mnum>1[0-2]|0?[1-9]))`
	}
	weekdays := alt(d.Weekdays...)
	wdPrefix := `(?:` + weekdays + `\s*,?\s+)?` // kept in the mention, left out of what is parsed
	ordinal := `(?:` + alt(d.OrdinalSuffixes) + `)?`
	day := `(?P<day>[0-3]?\d|` + alt(d.FirstDay) + `)` + ordinal
	if d.DayWord != "" {
		day = `(?:` + phraseRE(d.DayWord) + `\s+)?` + day
	}
	yearSep := `(?:\s*,\s*|\s+)`
	if d.YearWord != "" {
		yearSep = `(?:\s*,\s*|\s+` + phraseRE(d.YearWord) + `\s+|\s*/\s*)`
	}
	monthYearSep := `(?:\s*[,/]\s*|\s+(?:` + alt(d.MonthYearJoiners) + `\s+)?)`
	if d.YearWord != "" {
		monthYearSep = `(?:\s*[,/]\s*|\s+` + phraseRE(d.YearWord) + `\s+|\s+)`
	}
	year := `(?P<year>(?:1[89]|2[01])\d\d)`
	num := `(?:(?:[0-3]?\d)/(?:[01]?\d)/(?:1[89]|2[01])\d\d|[0-3]\d\.[01]\d\.(?:1[89]|2[01])\d\d|(?:[0-3]?\d)-(?:[01]?\d)-(?:1[89]|2[01])\d\d)`
	dmPrefix := alt(d.DayMonthPrefixes, d.TimesOfDay)
	suffix := ""
	if d.Historical.DecadeSuffix != "" {
		suffix = regexp.QuoteMeta(d.Historical.DecadeSuffix)
	}
	// "ngày 3 tháng này": where the language has a day word, a day of a
	// relative month needs it ("3 tháng trước" is three months ago).
	dayWordReq := ""
	if d.DayWord != "" {
		dayWordReq = phraseRE(d.DayWord) + `\s+`
	}
	yearWordOpt := ""
	if d.YearWord != "" {
		yearWordOpt = `(?:` + phraseRE(d.YearWord) + `\s+)?`
	}

	add := func(k kind, expr string) error {
		needsDigit := k != kindRelative && k != kindWeekday && k != kindMonthAlone
		p := pattern{kind: k, needsDigit: needsDigit}
		if err := compileScan(&p, expr); err != nil {
			return fmt.Errorf("pattern %d of %q: %w", k, d.Lang, err)
		}
		lx.firstAny.addSet(&p.first)
		lx.patterns = append(lx.patterns, p)
		return nil
	}
	exprs := []struct {
		k    kind
		expr string
	}{
		{kindDayMonthName, `(?P<date>` + wdPrefix + `(?P<core>` + day + `\s+(?:` + alt(d.DayMonthJoiners) + `\s+)?` + month + `(?:` + yearSep + year + `)?))`},
		{kindMonthYear, `(?P<date>` + month + monthYearSep + year + `)`},
		{kindMonthAlone, `(?:` + alt(d.MonthPrefixes) + `[\s-]+)(?P<date>` + month + `)`},
		{kindNumeric, `(?P<date>` + wdPrefix + `(?P<core>` + num + `))`},
		{kindNumericDayMonth, `(?:` + dmPrefix + `|` + weekdays + `)\s*,?\s+(?P<date>[0-3]?\d/[01]?\d)|\((?P<date>[0-3]?\d/[01]?\d)\)`},
		{kindISO, `(?P<date>(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d)`},
		{kindYear, `(?:` + alt(d.YearPrefixes) + `\s+)(?P<date>` + year + `)`},
		{kindDecade, `(?:` + alt(d.Historical.Decades) + `\s+)(?P<date>(?P<year>(?:1[89]|2[01])?\d0)` + suffix + `(?:\s*` + alt(d.Historical.DecadeJoiners) + `\s*(?P<year2>(?:1[89]|2[01])?\d0)` + suffix + `)?)`},
		{kindYearRange, `(?:` + alt(d.Historical.RangeStart) + `\s+` + yearWordOpt + `)(?P<date>` + year + `\s*` + alt(d.Historical.RangeJoiners) + `\s*` + yearWordOpt + `(?P<year2>(?:1[89]|2[01])\d\d))` +
			`|(?P<date>(?P<year>(?:1[89]|2[01])\d\d)\s*[-–]\s*(?P<year2>(?:1[89]|2[01])\d\d))`},
		{kindRelative, `(?P<date>(?P<rel>` + alt(relWords) + `)|(?P<relp>` + alt(periodWords) + `))`},
		{kindDayRelMonth, `(?P<date>` + dayWordReq + `(?P<day>[0-3]?\d|` + alt(d.FirstDay) + `)` + ordinal + `\s+(?P<mrel>` + alt(relMonthWords) + `))`},
	}
	if d.MonthWord == "" {
		// Month-first languages: "November 12, 2025".
		exprs = append(exprs, struct {
			k    kind
			expr string
		}{kindMonthDayName, `(?P<date>` + wdPrefix + `(?P<core>` + month + `\s+(?P<day>[0-3]?\d)` + ordinal + `(?:(?:\s*,\s*|\s+)` + year + `)?))`})
	}
	after := alt(d.WeekdayAfter.Previous, d.WeekdayAfter.Next, d.WeekdayAfter.PreviousWeek, d.WeekdayAfter.NextWeek)
	before := alt(d.WeekdayBefore.Previous, d.WeekdayBefore.Next, d.WeekdayBefore.PreviousWeek, d.WeekdayBefore.NextWeek)
	wd := `(?P<wd>` + weekdays + `)`
	// One alternative per shape, each as long as it can be, so that
	// "vào thứ Năm tuần trước" is not cut after "thứ Năm".
	wdExpr := `(?P<date>(?P<mod>` + before + `)\s+` + wd + `|` + wd + `\s+(?P<mod>` + after + `))`
	if d.BareWeekday {
		wdExpr = `(?P<date>(?:(?P<mod>` + before + `)\s+)?` + wd + `(?:\s+(?P<mod>` + after + `))?)`
	} else if len(d.WeekdayPrefixes) > 0 || len(d.TimesOfDay) > 0 {
		prefix := `(?:` + alt(d.WeekdayPrefixes, d.TimesOfDay) + `)\s+`
		wdExpr = `(?P<date>(?P<mod>` + before + `)\s+` + wd + `)|(?:` + prefix + `)?(?P<date>` + wd + `\s+(?P<mod>` + after + `))|` +
			prefix + `(?P<date>` + wd + `)`
	}
	exprs = append(exprs, struct {
		k    kind
		expr string
	}{kindWeekday, wdExpr})
	for _, e := range exprs {
		if err := add(e.k, e.expr); err != nil {
			return nil, err
		}
	}

	var err error
	if lx.quantity, err = regexp.Compile(`(?i)^\s*` + alt(d.QuantityAfter) + `(?:$|[^\p{L}\p{N}])`); err != nil {
		return nil, fmt.Errorf("quantity words of %q: %w", d.Lang, err)
	}
	if lx.histBefore, err = regexp.Compile(`(?i)` + boundary + alt(d.Historical.Before) + `(?:\s+` + alt(d.DayMonthPrefixes) + `)?\s*$`); err != nil {
		return nil, fmt.Errorf("historical words of %q: %w", d.Lang, err)
	}
	// "du 8 au", "Du lundi 6 au".
	if lx.dayRange, err = regexp.Compile(`(?i)` + boundary + alt(d.Historical.RangeStart) + `\s+(?:` + weekdays + `\s+)?(?P<day>[0-3]?\d)(?:er)?\s*` + alt(d.Historical.RangeJoiners) + `\s*$`); err != nil {
		return nil, fmt.Errorf("range words of %q: %w", d.Lang, err)
	}
	if lx.dayInRange, err = regexp.Compile(`(?i)^\s+[0-3]?\d(?:er)?\s*` + alt(d.Historical.RangeJoiners)); err != nil {
		return nil, fmt.Errorf("range words of %q: %w", d.Lang, err)
	}
	if lx.countBefore, err = regexp.Compile(`(?i)(?:\p{N}|` + boundary + alt(d.CountWords) + `)\s+$`); err != nil {
		return nil, fmt.Errorf("count words of %q: %w", d.Lang, err)
	}
	if lx.relStop, err = regexp.Compile(`(?i)^\s*` + alt(d.RelativeStops) + `(?:$|[^\p{L}\p{N}])`); err != nil {
		return nil, fmt.Errorf("relative stop words of %q: %w", d.Lang, err)
	}
	if lx.histAfter, err = regexp.Compile(`(?i)^\s*` + alt(d.Historical.After) + `(?:$|[^\p{L}\p{N}])`); err != nil {
		return nil, fmt.Errorf("historical words of %q: %w", d.Lang, err)
	}
	if lx.aheadAfter, err = regexp.Compile(`(?i)^\s*` + alt(d.Ahead.After) + `(?:$|[^\p{L}\p{N}])`); err != nil {
		return nil, fmt.Errorf("words of dates to come of %q: %w", d.Lang, err)
	}
	if lx.aheadBefore, err = regexp.Compile(`(?i)` + boundary + alt(d.Ahead.Before) + `\s*$`); err != nil {
		return nil, fmt.Errorf("words of dates to come of %q: %w", d.Lang, err)
	}
	if lx.pastBefore, err = regexp.Compile(`(?i)` + boundary + alt(d.Ahead.PastBefore) + `\s*$`); err != nil {
		return nil, fmt.Errorf("words of past dates of %q: %w", d.Lang, err)
	}
	if lx.dateNext, err = regexp.Compile(`(?i)^\s*(?:\p{N}|` + alt([]string{d.MonthWord, d.DayWord, d.YearWord}, lx.monthSpellings) + `(?:$|[^\p{L}\p{N}]))`); err != nil {
		return nil, fmt.Errorf("date words of %q: %w", d.Lang, err)
	}
	if lx.future, err = regexp.Compile(`(?i)` + boundary + alt(d.Ahead.Future) + `(?:$|[^\p{L}\p{N}])`); err != nil {
		return nil, fmt.Errorf("future verbs of %q: %w", d.Lang, err)
	}
	if lx.published, err = regexp.Compile(`(?i)` + boundary + alt(d.PublishedPrefix)); err != nil {
		return nil, fmt.Errorf("publication prefixes of %q: %w", d.Lang, err)
	}
	if lx.updated, err = regexp.Compile(`(?i)` + boundary + alt(d.UpdatedPrefix)); err != nil {
		return nil, fmt.Errorf("update prefixes of %q: %w", d.Lang, err)
	}
	if lx.weekdayLine, err = regexp.Compile(`(?im)^[ \t]*` + weekdays); err != nil {
		return nil, fmt.Errorf("weekday lines of %q: %w", d.Lang, err)
	}
	// The gap may hold fillers, a clock time ("14:05", "14h05") and punctuation.
	if lx.fillers, err = regexp.Compile(`(?i)^(?:[\s,:|()\-–—]+|` + alt(d.PublishedFillers) + `|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?)*$`); err != nil {
		return nil, fmt.Errorf("publication fillers of %q: %w", d.Lang, err)
	}
	return lx, nil
}
