package dates

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Finding candidates fast.
//
// A pattern is `boundary(?P<all>expr)`, searched with FindAll over the text
// (or, for a pattern whose every match holds a digit, over the stretches
// around digits). Go's regexp has no literal prefix to skip to here, so it
// tries every byte. The scanner below gives the same matches with far less
// work: a match of expr can only start at a position that follows a boundary
// rune and holds one of the runes expr can start with (computed once from the
// pattern's syntax tree), so it visits only those positions, in order, and
// runs the pattern anchored there, on a short slice of text, skipping the
// positions that the previous match covered, as FindAll does.

// matchTokens is how many white-space separated tokens of text an anchored
// attempt sees. The longest match of the data files spans about ten ("Thứ Năm
// , ngày 12 tháng 11 năm 2025"); a match that would need more is not found.
const matchTokens = 16

// runeSet is a set of runes, the possible first runes of a pattern's match.
type runeSet struct {
	ascii [128]bool
	other []rune // sorted pairs of inclusive ranges, above ASCII
}

func (rs *runeSet) addRange(lo, hi rune) {
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		rs.ascii[r] = true
	}
	if hi >= utf8.RuneSelf {
		rs.other = append(rs.other, max(lo, utf8.RuneSelf), hi)
	}
}

// addFold adds r and every rune that case-folds to it, as (?i) matches them.
func (rs *runeSet) addFold(r rune) {
	rs.addRange(r, r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		rs.addRange(f, f)
	}
}

func (rs *runeSet) addSet(o *runeSet) {
	for r, ok := range o.ascii {
		if ok {
			rs.ascii[r] = true
		}
	}
	rs.other = append(rs.other, o.other...)
}

func (rs *runeSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && rs.ascii[r]
	}
	for i := 0; i+1 < len(rs.other); i += 2 {
		if rs.other[i] <= r && r <= rs.other[i+1] {
			return true
		}
	}
	return false
}

// firstRunes adds to rs the runes a match of re can start with and reports
// whether re can match the empty string (then what follows it can start the
// match too). Zero-width assertions count as empty.
func firstRunes(re *syntax.Regexp, rs *runeSet) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		if re.Flags&syntax.FoldCase != 0 {
			rs.addFold(re.Rune[0])
		} else {
			rs.addRange(re.Rune[0], re.Rune[0])
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			rs.addRange(re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		rs.addRange(0, unicode.MaxRune)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0], rs)
	case syntax.OpStar, syntax.OpQuest:
		firstRunes(re.Sub[0], rs)
		return true
	case syntax.OpRepeat:
		n := firstRunes(re.Sub[0], rs)
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstRunes(sub, rs) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable = false
		for _, sub := range re.Sub {
			if firstRunes(sub, rs) {
				nullable = true
			}
		}
		return nullable
	}
	// An operator this does not know: any rune may start a match.
	rs.addRange(0, unicode.MaxRune)
	return true
}

// compileScan prepares p for the scanner: its anchored form, the runes its
// matches start with, and the indices of its named groups.
func compileScan(p *pattern, expr string) error {
	src := `(?i)^(?P<all>` + expr + `)`
	anchored, err := regexp.Compile(src)
	if err != nil {
		return err
	}
	tree, err := syntax.Parse(`(?i)`+expr, syntax.Perl)
	if err != nil {
		return err
	}
	if firstRunes(tree, &p.first) {
		return fmt.Errorf("pattern %d can match the empty string", p.kind)
	}
	p.anchored = anchored
	p.groups = map[string][]int{}
	for i, name := range anchored.SubexpNames() {
		if name != "" {
			p.groups[name] = append(p.groups[name], i)
		}
	}
	return nil
}

// isWordRune is what a boundary is not: a letter or a number.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// start is a position where a match may start: the rune before it (at
// boundaryAt, -1 at the start of the text) is no letter or number. Its
// anchored attempts see the text up to tokenEnd.
type start struct {
	pos, boundaryAt int
	tokenEnd        int // the start of the (matchTokens+1)-th token from pos, or len(s)
	r               rune
}

// matchStarts returns the positions of s that follow a boundary (or open s)
// and hold a rune that some pattern of lx starts with.
func (lx *lexicon) matchStarts(s string, out []start) []start {
	first := len(out)
	prevWord, prevAt := false, -1
	for i, r := range s {
		if !prevWord {
			if lx.firstAny.has(r) {
				out = append(out, start{pos: i, boundaryAt: prevAt, r: r})
			}
		}
		prevWord = isWordRune(r)
		prevAt = i
	}
	setTokenEnds(s, out[first:])
	return out
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// setTokenEnds sets the tokenEnd of starts (in order of position): the
// start of the (matchTokens+1)-th white-space separated token counted from
// pos, where pos itself opens a token unless it is white space. Computed
// once per text for every pattern's attempts, in one backward pass that
// keeps only the nearest token starts.
func setTokenEnds(s string, starts []start) {
	const size = matchTokens + 1
	var ring [size]int // the nearest token starts after the current position, nearest at head
	head, count := 0, 0
	i := len(s) - 1 // the next byte to look at, going backward
	for k := len(starts) - 1; k >= 0; k-- {
		pos := starts[k].pos
		for ; i > pos; i-- {
			if !isSpaceByte(s[i]) && isSpaceByte(s[i-1]) {
				head = (head + size - 1) % size
				ring[head] = i
				count = min(count+1, size)
			}
		}
		n := matchTokens // the n-th token after pos is the limit: pos opens the first
		if isSpaceByte(s[pos]) {
			n++
		}
		if n <= count {
			starts[k].tokenEnd = ring[(head+n-1)%size]
		} else {
			starts[k].tokenEnd = len(s)
		}
	}
}

// scan appends to out the candidates of pattern p in s[a:b], as FindAll on
// that slice would find them.
func (lx *lexicon) scan(s string, p *pattern, starts []start, a, b int, out []candidate) []candidate {
	last := a // where the previous match ended: the next one starts no earlier
	i, _ := slices.BinarySearchFunc(starts, a, func(st start, pos int) int { return st.pos - pos })
	for ; i < len(starts) && starts[i].pos < b; i++ {
		st := starts[i]
		// At a, the slice's own start stands in for a boundary.
		if st.pos != a && st.boundaryAt < last {
			continue
		}
		if !p.first.has(st.r) {
			continue
		}
		end := min(st.tokenEnd, b)
		sub := p.anchored.FindStringSubmatchIndex(s[st.pos:end])
		if sub == nil {
			continue
		}
		for k := range sub {
			if sub[k] >= 0 {
				sub[k] += st.pos
			}
		}
		last = sub[1]
		if c, ok := lx.candidate(s, p, sub); ok {
			out = append(out, c)
		}
	}
	return out
}
