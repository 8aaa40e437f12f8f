// Package people finds the people named in a news text in French,
// Vietnamese or English: their name, honorific or academic title, role in
// English and the span of text that says whom they work for.
//
// The design is precision first. A capitalised pair of words is a person only
// when a title precedes it ("Pr", "GS.TS.", "Mme"), a role phrase stands next
// to it ("…, directeur général du CHU", "Giám đốc Bệnh viện Bạch Mai …"), or a
// speech verb does ("précise …", "… cho biết", "said …"). The words of each
// language live in data/<lang>.yaml.
package people

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// Mention is one person named in a text.
type Mention struct {
	// Start and End are the byte offsets of the name in the text passed to Find.
	Start, End int
	// Name is the full name as written (NFC, spaces collapsed), titles
	// removed. A name of one word that the text writes in full elsewhere
	// ("Dr Khamphet" … "Khamphet Sisouphanh") is the full one; Start and End
	// still span the word as written here.
	Name string
	// NameASCII is textnorm.ASCII(Name).
	NameASCII string
	// Title is the honorific or academic title as written ("GS.TS.", "Pr",
	// "Mme", "professeur, docteur et médecin du peuple"); "" if none.
	Title string
	// Role is the role in English ("rector", "director general"). When the
	// text gives no role phrase it is the one the title implies ("professor"),
	// or "".
	Role string
	// RoleStart and RoleEnd are the byte span of the role phrase with its
	// complement ("directrice générale de l'hôpital … du CHU de
	// Clermont-Ferrand"), so that an institution named inside it is the
	// person's affiliation. For a role implied by the title they span the
	// title. Both are -1 when Role is "".
	RoleStart, RoleEnd int
	// Surface is the whole phrase as written: title, name and the adjacent role.
	Surface string
}

// maxNameWords bounds a name; longer runs of capitals are titles of works or
// institutions.
const maxNameWords = 6

// Languages lists the languages Find knows, as ISO 639-1 codes.
func Languages() []string {
	out := make([]string, 0, len(lexicons))
	for l := range lexicons {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Find returns the people named in text, a text in language lang ("fr",
// "vi", "en"), sorted by Start, one Mention per name occurrence. It returns
// nil for a language it has no data for.
func Find(text, lang string) []Mention {
	lx := lexicons[lang]
	if lx == nil || text == "" {
		return nil
	}
	f := newFinder(text, lx)
	f.scan()
	f.completeShortNames()
	sort.SliceStable(f.out, func(a, b int) bool { return f.out[a].Start < f.out[b].Start })
	return f.out
}

// completeShortNames gives a person named by one word ("Dr Khamphet", as
// Lao and Cambodian news name people) the full name the text writes
// elsewhere ("Khamphet Sisouphanh, Mahosot's deputy director"): the same
// word followed by name words, when the text writes only one such name.
func (f *finder) completeShortNames() {
	for i := range f.out {
		m := &f.out[i]
		if strings.Contains(m.Name, " ") {
			continue
		}
		full := ""
		for k := 0; k+1 < len(f.toks); k++ {
			if f.toks[k].exact != m.Name || !f.nameWord(k+1) || f.toks[k+1].nl {
				continue
			}
			end := k + 1
			for end < len(f.toks) && end-k < maxNameWords && f.nameWord(end) && !f.toks[end].nl {
				end++
			}
			name := strings.Join(strings.Fields(textnorm.NFC(f.text[f.toks[k].start:f.toks[end-1].end])), " ")
			if full != "" && full != name {
				full = ""
				break
			}
			full = name
		}
		if full != "" {
			m.Name, m.NameASCII = full, textnorm.ASCII(full)
		}
	}
}

// pendingRole is a role phrase written before the person it names
// ("le directeur général du CHU, Nicolas Best"): it goes to a person whose
// name or title starts at token at.
type pendingRole struct {
	at         int
	role       string
	start, end int // byte span of role and complement
}

type finder struct {
	text       string
	lx         *lexicon
	toks       []token
	titleLen   []int // tokens of the title chain starting at each token
	roleLen    []int
	roleVal    []int       // index in roles of the role starting at each token
	roles      []roleEntry // the lexicon's roles, and those its suffixes made here
	speechLen  []int
	speechEnds []bool // a speech verb ends right before this token
	notEnds    []bool // a never-a-name phrase ends right before this token
	pending    *pendingRole
	out        []Mention
}

func newFinder(text string, lx *lexicon) *finder {
	toks := tokenize(text)
	f := &finder{text: text, lx: lx, toks: toks, roles: lx.roles,
		roleLen: make([]int, len(toks)), roleVal: make([]int, len(toks)),
		speechLen: make([]int, len(toks)), speechEnds: make([]bool, len(toks)+1), notEnds: make([]bool, len(toks)+1)}
	for i := range toks {
		if n, _ := lx.notNames.match(toks, i, lx.kind); n > 0 {
			f.notEnds[i+n] = true
		}
		f.roleLen[i], f.roleVal[i] = lx.roleTrie.match(toks, i, lx.kind)
		if f.roleLen[i] == 0 && toks[i].word {
			if role, ok := lx.suffixRole(toks[i]); ok {
				if len(f.roles) == len(lx.roles) {
					f.roles = slices.Clip(f.roles) // the first one made: append to a copy, not to the lexicon's
				}
				f.roles = append(f.roles, roleEntry{Role: role})
				f.roleLen[i], f.roleVal[i] = 1, len(f.roles)-1
			}
		}
		n, _ := lx.speech.match(toks, i, lx.kind)
		f.speechLen[i] = n
		if n > 0 {
			f.speechEnds[i+n] = true
		}
	}
	return f
}

// title matches one title at token i: its length in tokens and entry.
func (f *finder) title(i int) (int, int) {
	n1, v1 := f.lx.titleExact.match(f.toks, i, keyExact)
	n2, v2 := f.lx.titleLower.match(f.toks, i, keyLower)
	if n2 > n1 {
		return n2, v2
	}
	return n1, v1
}

// titleChain matches titles joined by nothing, a comma or a joiner
// ("PGS. TS.", "professeur, docteur et médecin du peuple"). It returns the
// chain's length in tokens, the role implied by its first title that
// implies one, and whether its last title is plural.
func (f *finder) titleChain(i int) (n int, role string, plural bool) {
	k := i
	for {
		m, v := f.title(k)
		if m == 0 {
			break
		}
		t := f.lx.titles[v]
		if role == "" {
			role = t.Role
		}
		plural = t.Plural
		k += m
		n = k - i
		if k < len(f.toks) && !f.toks[k].nl && f.lx.joiners[f.toks[k].lower] {
			if m2, _ := f.title(k + 1); m2 > 0 && k+1 < len(f.toks) && !f.toks[k+1].nl {
				k++
				continue
			}
		}
		if k >= len(f.toks) || f.toks[k].nl {
			break
		}
	}
	return n, role, plural
}

// notName reports how many tokens of a never-a-name phrase start at i.
func (f *finder) notName(i int) int {
	n, _ := f.lx.notNames.match(f.toks, i, f.lx.kind)
	return n
}

// nameWord reports whether token i can be a word of a name.
func (f *finder) nameWord(i int) bool {
	return i < len(f.toks) && f.toks[i].nameShaped() && f.notName(i) == 0
}

// nameRun reads the name starting at token i: capitalised words with
// particles between them. It returns the end token (exclusive), the number
// of capitalised words, and whether the run ran into a word that is never a
// name (then it is likely part of an institution's name).
func (f *finder) nameRun(i int, titled bool) (end, words int, blocked bool) {
	j := i
	end = i
	for j < len(f.toks) {
		t := f.toks[j]
		if j > i && t.nl {
			break
		}
		if j > i && (f.roleLen[j] > 0 && (f.lx.capRoles || !t.capitalised()) || f.speechLen[j] > 0) {
			break
		}
		if f.notName(j) > 0 {
			blocked = t.capitalised()
			break
		}
		if t.capitalised() {
			if !t.nameShaped() || !titled && t.acronym() {
				blocked = true
				break
			}
			words++
			j++
			end = j
			// an initial: "Jean F. Kennedy"
			if len([]rune(t.exact)) == 1 && j+1 < len(f.toks) && f.toks[j].text == "." &&
				!f.toks[j+1].nl && f.nameWord(j+1) {
				j++
			}
			continue
		}
		if words > 0 {
			if p, _ := f.lx.particles.match(f.toks, j, keyLower); p > 0 && j+p < len(f.toks) &&
				!f.toks[j+p].nl && f.nameWord(j+p) && f.roleLen[j+p] == 0 {
				j += p
				continue
			}
		}
		break
	}
	return end, words, blocked
}

// family reports whether token i is a Vietnamese family name.
// In a language whose data matches diacritics the family name must match
// with them: folded, "Độ" (of "Ấn Độ", India) would be "Đỗ".
func (f *finder) family(i int) bool {
	return familyNames[f.toks[i].key(f.lx.kind)]
}

// familyOpener reports whether token i, a function word of the language
// ("Le", "La"), is here a Vietnamese family name: a middle name follows it
// ("Le Thi Mai", "La Van Hung").
func (f *finder) familyOpener(i int) bool {
	return f.family(i) && i+1 < len(f.toks) && !f.toks[i+1].nl &&
		middleNames[f.toks[i+1].key(f.lx.kind)]
}

// untitledName checks a name found without a title.
func (f *finder) untitledName(i, end, words int, blocked bool) bool {
	if blocked || words < 2 || words > maxNameWords {
		return false
	}
	if f.lx.functionWords[f.toks[i].exact] && !f.familyOpener(i) {
		return false
	}
	if f.lx.needsFamily && !f.family(i) && !f.foreignWithRole(i, end) {
		return false
	}
	return !f.lx.placeMarkers.matchBack(f.toks, i, f.lx.kind)
}

// foreignWithRole reports whether the name in tokens [i, end) opens its
// sentence and a role follows it ("Bounmy Keomanivong, Phó Giám đốc Bệnh
// viện tỉnh Attapeu, mong muốn…"): a foreign name in a language whose
// names without a title otherwise need a family name of its own.
func (f *finder) foreignWithRole(i, end int) bool {
	if i > 0 && !f.toks[i].nl && f.toks[i-1].word {
		return false
	}
	if i > 0 && !f.toks[i].nl && !strings.ContainsAny(f.toks[i-1].exact, ".!?") {
		return false
	}
	_, _, _, _, ok := f.roleAfter(end)
	return ok
}

// roleAfter reads a role written after a name ending at token j:
// ", directeur général du CHU de Nîmes", " – Giám đốc Bệnh viện Chợ Rẫy".
func (f *finder) roleAfter(j int) (role string, rs, re, next int, ok bool) {
	k := j
	paren := false
	if k < len(f.toks) && !f.toks[k].word && !f.toks[k].nl {
		switch f.toks[k].lower {
		case ",", "-", ":":
			k++
		case "(":
			paren = true
			k++
		}
	}
	// Articles and the like are skipped; modifiers ("a paediatric
	// emergency physician") are kept in the role.
	var mods []string
	ms := -1
	for k < len(f.toks) && !f.toks[k].nl && f.roleLen[k] == 0 {
		if n, _ := f.lx.modifiers.match(f.toks, k, f.lx.kind); n > 0 {
			if ms < 0 {
				ms = f.toks[k].start
			}
			for _, t := range f.toks[k : k+n] {
				mods = append(mods, t.lower)
			}
			k += n
			continue
		}
		n, _ := f.lx.prefixes.match(f.toks, k, f.lx.kind)
		if n == 0 || len(mods) > 0 {
			break
		}
		k += n
	}
	if k >= len(f.toks) || f.toks[k].nl || f.roleLen[k] == 0 {
		return "", -1, -1, j, false
	}
	n := f.roleLen[k]
	ce := k + n
	if !f.roles[f.roleVal[k]].Relative {
		ce = f.complement(k+n, paren)
	}
	last := max(k+n, ce) - 1
	role, rs = f.roles[f.roleVal[k]].Role, f.toks[k].start
	if len(mods) > 0 {
		role, rs = strings.Join(mods, " ")+" "+role, ms
	}
	return role, rs, f.toks[last].end, max(k+n, ce), true
}

// complement reads what follows a role phrase up to the end of its clause:
// "de l'hôpital de pratique du CHU de Clermont-Ferrand", "Trường Đại học Y
// Dược, ĐHQGHN". It returns the end token (exclusive).
func (f *finder) complement(c int, paren bool) int {
	end, words := c, 0
	for k := c; k < len(f.toks) && words < 25; {
		t := f.toks[k]
		if t.nl {
			break
		}
		if !t.word {
			switch t.lower {
			case "'", "-", "/", "&":
				k++
				continue
			case ",":
				if !paren && k+1 < len(f.toks) && !f.toks[k+1].nl {
					if n, _, _ := f.titleChain(k + 1); n == 0 {
						if pl, _ := f.lx.places.match(f.toks, k+1, f.lx.kind); pl > 0 || f.toks[k+1].acronym() && f.roleLen[k+1] == 0 {
							k++
							continue
						}
					}
				}
			}
			break
		}
		if f.speechLen[k] > 0 || f.lx.stops[t.key(f.lx.kind)] {
			break
		}
		if n, _, _ := f.titleChain(k); n > 0 {
			break
		}
		if f.lx.joiners[t.lower] && k+1 < len(f.toks) {
			if n, _, _ := f.titleChain(k + 1); n > 0 || f.roleLen[k+1] > 0 {
				break
			}
		}
		k++
		words++
		end = k
	}
	// a complement does not end on a particle ("du CHU de")
	for end > c {
		if p, _ := f.lx.particles.match(f.toks, end-1, keyLower); p == 1 && !f.toks[end-1].capitalised() {
			end--
			continue
		}
		break
	}
	return end
}

// emit records a person whose name spans tokens [ns, ne).
func (f *finder) emit(ns, ne int, title string, surfStart int, role string, rs, re int) {
	start, end := f.toks[ns].start, f.toks[ne-1].end
	name := strings.Join(strings.Fields(textnorm.NFC(f.text[start:end])), " ")
	if role == "" {
		rs, re = -1, -1
	}
	ss, se := min(surfStart, start), end
	if rs >= 0 && rs >= end && f.adjacent(end, rs) { // an adjacent role belongs to the surface
		se = re
	}
	if rs >= 0 && re <= ss && f.adjacent(re, ss) {
		ss = rs
	}
	f.out = append(f.out, Mention{
		Start: start, End: end, Name: name, NameASCII: textnorm.ASCII(name),
		Title: title, Role: role, RoleStart: rs, RoleEnd: re,
		Surface: strings.Join(strings.Fields(textnorm.NFC(f.text[ss:se])), " "),
	})
}

// adjacent reports whether only spaces and punctuation stand between byte
// offsets a and b.
func (f *finder) adjacent(a, b int) bool {
	for _, r := range f.text[a:b] {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return false
		}
	}
	return b-a <= 8
}

// takePending returns the pending role if it is meant for token i.
func (f *finder) takePending(i int) *pendingRole {
	p := f.pending
	if p != nil && p.at == i {
		f.pending = nil
		return p
	}
	return nil
}

func (f *finder) scan() {
	for i := 0; i < len(f.toks); {
		if f.pending != nil && f.pending.at < i {
			f.pending = nil
		}
		if next, ok := f.pluralRole(i); ok {
			i = next
			continue
		}
		if next, ok := f.titled(i); ok {
			i = next
			continue
		}
		if f.roleLen[i] > 0 {
			if next, ok := f.roleBefore(i); ok {
				i = next
				continue
			}
		}
		if next, ok := f.untitled(i); ok {
			i = next
			continue
		}
		i++
	}
}

// titled reads a title chain at i and the name or names after it.
func (f *finder) titled(i int) (int, bool) {
	n, titleRole, plural := f.titleChain(i)
	if n == 0 || f.notName(i) > 0 { // "Bà Rịa" is a province
		return i, false
	}
	pend := f.takePending(i)
	ts, te := f.toks[i].start, f.toks[i+n-1].end
	title := strings.Join(strings.Fields(textnorm.NFC(f.text[ts:te])), " ")
	k := i + n
	found := 0
	for {
		if k >= len(f.toks) || f.toks[k].nl || !f.toks[k].nameShaped() || f.notName(k) > 0 || f.roleLen[k] > 0 {
			break
		}
		end, words, _ := f.nameRun(k, true)
		if words == 0 || words > maxNameWords {
			break
		}
		if words == 1 && (f.lx.functionWords[f.toks[k].exact] || len([]rune(f.toks[k].exact)) == 1) {
			break
		}
		role, rs, re, next, ok := f.roleAfter(end)
		switch {
		case ok:
		case pend != nil:
			role, rs, re = pend.role, pend.start, pend.end
		case titleRole != "":
			role, rs, re = titleRole, ts, te
		}
		surf := ts
		if found > 0 {
			surf = f.toks[k].start
		}
		f.emit(k, end, title, surf, role, rs, re)
		found++
		pend = nil
		if !ok {
			next = end
		}
		k = next
		if !plural || k+1 >= len(f.toks) || !f.lx.joiners[f.toks[k].lower] || f.toks[k+1].nl {
			break
		}
		k++
	}
	if found == 0 {
		return i + n, true // a title alone ("le professeur") names nobody
	}
	return k, true
}

// maxPluralGap is how many lower-case words may describe the people of a
// plural role before the comma that opens their names ("deux
// manipulatrices valenciennoises, X et Y").
const maxPluralGap = 3

// pluralRole reads a plural role and the list of two or more names after
// it, right after it or, in commas, after its words: "Deux infirmières
// lyonnaises, Anne Roux et Léa Petit, ont…", "Nurse educators A B, C D
// and E F", "các điều dưỡng A và B". Each name gets the role.
func (f *finder) pluralRole(i int) (int, bool) {
	n, v := f.lx.pluralTrie.match(f.toks, i, f.lx.kind)
	if n == 0 {
		return i, false
	}
	rs, re := f.toks[i].start, f.toks[i+n-1].end
	k := i + n
	apposed := false // the names stand in commas: "…, X et Y, ont"
	if k < len(f.toks) && !f.toks[k].nl && !f.toks[k].capitalised() {
		// the people's description, then a comma: "valenciennoises,"
		j := k
		for j < len(f.toks) && j-k < maxPluralGap && f.toks[j].word && !f.toks[j].capitalised() && !f.toks[j].nl {
			j++
		}
		if j >= len(f.toks) || f.toks[j].nl || f.toks[j].lower != "," {
			return i, false
		}
		k, apposed = j+1, true
	}
	type span struct {
		from, s, e int // from is where the title, if any, starts
		title      string
	}
	var names []span
	// titled returns the name's start and the title before it ("two
	// general surgeons, Dr A and Dr B"), if any.
	titled := func(k int) (int, string) {
		n, _, _ := f.titleChain(k)
		if n == 0 || k+n >= len(f.toks) || f.toks[k+n].nl {
			return k, ""
		}
		return k + n, strings.Join(strings.Fields(textnorm.NFC(f.text[f.toks[k].start:f.toks[k+n-1].end])), " ")
	}
	for k < len(f.toks) && !f.toks[k].nl {
		at, title := titled(k)
		if !f.nameWord(at) {
			break
		}
		end, words, blocked := f.nameRun(at, false)
		if !f.untitledName(at, end, words, blocked) {
			break
		}
		names = append(names, span{f.toks[k].start, at, end, title})
		k = end
		// ", " or " et " or ", et " before the next name
		j := k
		for j < len(f.toks) && !f.toks[j].nl && f.lx.joiners[f.toks[j].lower] && j-k < 2 {
			j++
		}
		if j == k || j >= len(f.toks) || f.toks[j].nl {
			break
		}
		if at, _ := titled(j); !f.nameWord(at) {
			break
		}
		k = j
	}
	if len(names) < 2 {
		return i, false
	}
	if apposed && (k >= len(f.toks) || f.toks[k].nl || f.toks[k].lower != ",") {
		// "Selon les médecins, Anne Roux et Léa Petit sont hors de
		// danger": the names are the sentence's subject, not the role's
		return i, false
	}
	role := f.lx.pluralRoles[v].Role
	for _, nm := range names {
		f.emit(nm.s, nm.e, nm.title, nm.from, role, rs, re)
	}
	return k, true
}

// roleBefore reads a role written before a name: "Giám đốc Bệnh viện Bạch
// Mai Đào Xuân Cơ cho biết", "Thứ trưởng Bộ Y tế Trần Văn Thuấn", "le
// directeur général du CHU, Nicolas Best".
func (f *finder) roleBefore(i int) (int, bool) {
	n := f.roleLen[i]
	role := f.roles[f.roleVal[i]].Role
	rs := f.toks[i].start
	// a title between role and name ("Deputy director Dr Lam Quoc Hung",
	// "le doyen Pr Jean Dupont") is the title's to read
	if k := i + n; k < len(f.toks) && !f.toks[k].nl {
		if tn, _, _ := f.titleChain(k); tn > 0 {
			f.pending = &pendingRole{at: k, role: role, start: rs, end: f.toks[k-1].end}
			return k, true
		}
	}
	// the name right after the role phrase: "le président Jean Dupont"
	if k := i + n; k < len(f.toks) && !f.toks[k].nl && f.nameWord(k) {
		end, words, blocked := f.nameRun(k, false)
		if f.untitledName(k, end, words, blocked) {
			f.emit(k, end, "", rs, role, rs, f.toks[i+n-1].end)
			return end, true
		}
	}
	ce := f.complement(i+n, false)
	// a Vietnamese name at the end of a run of capitals inside the complement
	for k := i + n; k < ce; {
		if !f.toks[k].capitalised() {
			k++
			continue
		}
		runEnd := k
		for runEnd < ce && f.toks[runEnd].capitalised() && (runEnd == k || !f.toks[runEnd].nl) {
			runEnd++
		}
		if s := f.splitVietnamese(k, runEnd); s > k || s == k && k > i+n {
			if end, words, blocked := f.nameRun(s, false); end == runEnd && f.untitledName(s, end, words, blocked) {
				f.emit(s, end, "", rs, role, rs, f.toks[s-1].end)
				return end, true
			}
		}
		k = runEnd
	}
	// a name of any origin ending the complement right before a speech verb:
	// "Đại sứ Pháp tại Việt Nam Olivier Brochet cho biết"
	if ce < len(f.toks) && f.speechLen[ce] > 0 {
		for s := i + n; s < ce-1; s++ {
			// something must stand between role and name, and a name starts a run
			if s == i+n || !f.nameWord(s) || f.lx.functionWords[f.toks[s].exact] ||
				f.toks[s-1].capitalised() && !f.notEnds[s] {
				continue
			}
			if end, words, blocked := f.nameRun(s, false); end == ce && !blocked && words >= 2 && words <= maxNameWords {
				f.emit(s, end, "", rs, role, rs, f.toks[s-1].end)
				return end, true
			}
		}
	}
	// the person follows after a comma, or right after the complement
	if ce < len(f.toks) {
		at := ce
		if t := f.toks[ce]; !t.word && (t.lower == "," || t.lower == ":") {
			at = ce + 1
		}
		re := f.toks[max(ce, i+n)-1].end
		f.pending = &pendingRole{at: at, role: role, start: rs, end: re}
		return max(i+n, ce), true
	}
	return i + n, true
}

// splitVietnamese finds where a Vietnamese name starts in the run of
// capitalised tokens [s, e): at the last family name that leaves three
// syllables, else two. It returns -1 if there is none.
func (f *finder) splitVietnamese(s, e int) int {
	for _, want := range []int{3, 2} {
		for k := e - want; k >= s; k-- {
			if f.family(k) && e-k <= 4 && !f.inNotName(s, k) {
				return k
			}
		}
	}
	return -1
}

// inNotName reports whether token k ends or stands inside words that are
// never a name (a province) and begin at or after token s: "Lai" of "Sở
// Y tế Gia Lai Ksor Thuận" is no family name.
func (f *finder) inNotName(s, k int) bool {
	for j := max(s, k-3); j < k; j++ {
		if j+f.notName(j) > k {
			return true
		}
	}
	return false
}

// untitled reads a name without a title next to a role or a speech verb.
func (f *finder) untitled(i int) (int, bool) {
	if !f.nameWord(i) || f.lx.functionWords[f.toks[i].exact] && !f.familyOpener(i) {
		return i, false
	}
	end, words, blocked := f.nameRun(i, false)
	if !f.untitledName(i, end, words, blocked) {
		if end > i {
			return end, true
		}
		return i, false
	}
	pend := f.takePending(i)
	role, rs, re, next, ok := f.roleAfter(end)
	speech := f.speechEnds[i] || end < len(f.toks) && f.speechLen[end] > 0
	if !ok && pend == nil && !speech {
		return end, true
	}
	if !ok {
		next = end
		if pend != nil {
			role, rs, re = pend.role, pend.start, pend.end
		}
	}
	f.emit(i, end, "", f.toks[i].start, role, rs, re)
	return next, true
}
