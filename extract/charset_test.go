package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Texts written for these tests.
const (
	frenchText     = "Le centre hospitalier a signé une convention de coopération avec l'hôpital de Hué : formation des infirmières, échanges de médecins, recherche en réanimation. « Une étape décisive », a déclaré la directrice générale."
	vietnameseText = "Bệnh viện Bạch Mai đã ký kết thỏa thuận hợp tác với Bệnh viện Đại học Bordeaux về đào tạo điều dưỡng, trao đổi bác sĩ và nghiên cứu hồi sức cấp cứu. Ông Nguyễn Văn Ượng phát biểu tại lễ ký kết ở Hà Nội."
)

// page wraps text in HTML, with head (a <meta>, or nothing) before the title.
func page(head, text string) string {
	return "<!DOCTYPE html>\n<html><head>" + head + "<title>News</title></head><body><article><p>" + text + "</p></article></body></html>\n"
}

func encodeWith(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode test page: %v", err)
	}
	return b
}

// windows1258Form writes Vietnamese as windows-1258 does: letters with
// their vowel marks (â ê ô ơ ư ă) precomposed, tone marks as combining
// characters after them.
func windows1258Form(s string) string {
	var b strings.Builder
	var base []rune
	var tone rune
	flush := func() {
		if len(base) > 0 {
			b.WriteString(norm.NFC.String(string(base)))
			if tone != 0 {
				b.WriteRune(tone)
			}
		}
		base, tone = base[:0], 0
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == '\u0300' || r == '\u0301' || r == '\u0303' || r == '\u0309' || r == '\u0323':
			tone = r
		case r >= '\u0300' && r <= '\u036F':
			base = append(base, r)
		default:
			flush()
			base = append(base, r)
		}
	}
	flush()
	return b.String()
}

func TestDecodeHTML(t *testing.T) {
	viscii, err := visciiCharset()
	if err != nil {
		t.Fatal(err)
	}
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name     string
		body     []byte
		hint     string
		wantText string // the decoded page must hold it
		wantName string
	}{
		{"utf-8 with meta", []byte(page(`<meta charset="utf-8">`, vietnameseText)), "", vietnameseText, "utf-8"},
		{"utf-8 without meta", []byte(page("", frenchText)), "", frenchText, "utf-8"},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, page("", vietnameseText)...), "", vietnameseText, "utf-8"},
		{"windows-1252 meta charset", encodeWith(t, charmap.Windows1252, page(`<meta charset="windows-1252">`, frenchText)), "", frenchText, "windows-1252"},
		{"iso-8859-1 http-equiv", encodeWith(t, charmap.Windows1252, page(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, frenchText)), "", frenchText, "windows-1252"},
		{"windows-1252 hint", encodeWith(t, charmap.Windows1252, page("", frenchText)), "text/html; charset=windows-1252", frenchText, "windows-1252"},
		{"windows-1252 sniffed", encodeWith(t, charmap.Windows1252, page("", frenchText)), "", frenchText, "windows-1252"},
		{"windows-1258 meta", encodeWith(t, charmap.Windows1258, windows1258Form(page(`<meta charset="windows-1258">`, vietnameseText))), "", vietnameseText, "windows-1258"},
		{"windows-1258 bare hint", encodeWith(t, charmap.Windows1258, windows1258Form(page("", vietnameseText))), "windows-1258", vietnameseText, "windows-1258"},
		{"windows-1258 sniffed", encodeWith(t, charmap.Windows1258, windows1258Form(page("", vietnameseText))), "", vietnameseText, "windows-1258"},
		{"viscii meta", encodeWith(t, viscii, page(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=VISCII">`, vietnameseText)), "", vietnameseText, "viscii"},
		{"viscii sniffed", encodeWith(t, viscii, page("", vietnameseText)), "", vietnameseText, "viscii"},
		{"utf-16le with BOM", encodeWith(t, utf16le, page(`<meta charset="utf-16">`, vietnameseText)), "", vietnameseText, "utf-16le"},
		{"utf-16be with BOM", encodeWith(t, utf16be, page("", frenchText)), "text/html; charset=iso-8859-1", frenchText, "utf-16be"},
		// Declarations that lie.
		{"meta says windows-1252, body is utf-8", []byte(page(`<meta charset="windows-1252">`, vietnameseText)), "", vietnameseText, "utf-8"},
		{"hint says iso-8859-1, body is utf-8", []byte(page("", frenchText)), "text/html; charset=iso-8859-1", frenchText, "utf-8"},
		{"meta says utf-8, body is windows-1258", encodeWith(t, charmap.Windows1258, windows1258Form(page(`<meta charset="utf-8">`, vietnameseText))), "", vietnameseText, "windows-1258"},
		{"meta says utf-8, body is viscii", encodeWith(t, viscii, page(`<meta charset="utf-8">`, vietnameseText)), "", vietnameseText, "viscii"},
		{"meta names an unknown charset", encodeWith(t, charmap.Windows1252, page(`<meta charset="x-no-such-charset">`, frenchText)), "", frenchText, "windows-1252"},
		{"hint wins over meta", encodeWith(t, charmap.Windows1258, windows1258Form(page(`<meta charset="viscii">`, vietnameseText))), "text/html;charset=windows-1258", vietnameseText, "windows-1258"},
		{"ascii", []byte(page(`<meta charset="windows-1252">`, "Bach Mai Hospital")), "", "Bach Mai Hospital", "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, name, err := DecodeHTML(tt.body, tt.hint)
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName {
				t.Errorf("charset %q, want %q", name, tt.wantName)
			}
			if !utf8.Valid(out) {
				t.Fatalf("output is not UTF-8")
			}
			if !bytes.Contains(out, []byte(tt.wantText)) {
				t.Errorf("decoded page does not hold the text:\n%s", out)
			}
			if !norm.NFC.IsNormal(out) {
				t.Errorf("decoded page is not in NFC")
			}
		})
	}
}

// TestVISCIITable checks data/lang/vi-viscii.txt both ways, and that VISCII
// holds exactly ASCII (less six control codes) and the 134 Vietnamese letters.
func TestVISCIITable(t *testing.T) {
	v, err := visciiCharset()
	if err != nil {
		t.Fatal(err)
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	decoded, err := v.NewDecoder().Bytes(all)
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCount(decoded); n != 256 {
		t.Fatalf("256 bytes decode to %d runes", n)
	}
	encoded, err := v.NewEncoder().Bytes(decoded)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encoded, all) {
		t.Errorf("bytes → runes → bytes does not give the bytes back")
	}

	// The Vietnamese letters: 12 vowels × 6 tones, less the 6 plain ASCII
	// vowels, plus đ; in both cases.
	vietnamese := map[rune]bool{'đ': true, 'Đ': true}
	for _, vowel := range []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"} {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"} {
			for _, s := range []string{vowel, strings.ToUpper(vowel)} {
				l := []rune(norm.NFC.String(s + tone))
				if len(l) != 1 {
					t.Fatalf("%q%q does not compose", s, tone)
				}
				if l[0] >= utf8.RuneSelf {
					vietnamese[l[0]] = true
				}
			}
		}
	}
	if len(vietnamese) != 134 {
		t.Fatalf("%d Vietnamese letters, want 134", len(vietnamese))
	}
	inTable := map[rune]bool{}
	for _, r := range string(decoded) {
		if r >= utf8.RuneSelf {
			inTable[r] = true
		}
	}
	for r := range vietnamese {
		if !inTable[r] {
			t.Errorf("%c (%U) is not in the VISCII table", r, r)
		}
	}
	for r := range inTable {
		if !vietnamese[r] {
			t.Errorf("%c (%U) in the VISCII table is not a Vietnamese letter", r, r)
		}
	}
	// A few bytes as RFC 1456 gives them.
	for b, want := range map[byte]rune{0x02: 'Ẳ', 0x41: 'A', 0xF0: 'đ', 0xD0: 'Đ'} {
		if got := v.toRune[b]; got != want {
			t.Errorf("byte %02X = %c, want %c", b, got, want)
		}
	}
	if _, err := v.NewEncoder().String("€"); err == nil {
		t.Errorf("encoding € in VISCII gave no error")
	}
}

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte(page(`<meta charset="windows-1258">`, "Bê\xcc\xf2nh")), "")
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 0xD8}, "")
	f.Add([]byte(page("", "h\xf4pital")), "text/html; charset=viscii")
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=utf-16'>\xe9"), "")
	f.Fuzz(func(t *testing.T, body []byte, hint string) {
		out, name, err := DecodeHTML(body, hint)
		if err != nil {
			return
		}
		if name == "" {
			t.Errorf("no charset name for %q", body)
		}
		if !utf8.Valid(out) {
			t.Errorf("%s: output is not UTF-8", name)
		}
		if utf8.Valid(body) && !bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}) && !bytes.HasPrefix(body, []byte{0xFF, 0xFE}) &&
			!bytes.HasPrefix(body, []byte{0xFE, 0xFF}) && !strings.HasPrefix(name, "utf-16") && !bytes.Equal(out, body) {
			t.Errorf("valid UTF-8 body %q was changed to %q (%s)", body, out, name)
		}
	})
}

// BenchmarkDecodeHTML times decoding of a 5 KB windows-1258 page with no
// declaration, the slowest path (every candidate charset is tried).
func BenchmarkDecodeHTML(b *testing.B) {
	text := strings.Repeat(vietnameseText+" ", 5000/len(vietnameseText)+1)
	enc, err := charmap.Windows1258.NewEncoder().String(windows1258Form(page("", text)))
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(enc)
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		if _, _, err := DecodeHTML(body, ""); err != nil {
			b.Fatal(err)
		}
	}
}
