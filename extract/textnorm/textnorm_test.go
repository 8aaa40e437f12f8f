package textnorm

import (
	"strings"
	"testing"
)

func TestASCII(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lê Ngọc Thành", "Le Ngoc Thanh"},
		{"Đỗ Văn Dũng", "Do Van Dung"},
		{"Valérie Durand Roche", "Valerie Durand Roche"},
		{"Le\u0302 Ngo\u0323c", "Le Ngoc"}, // NFD input
		{"  Nguyễn   Thị  ", "Nguyen Thi"},
	}
	for _, tt := range tests {
		if got := ASCII(tt.in); got != tt.want {
			t.Errorf("ASCII(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldSpan(t *testing.T) {
	tests := []struct {
		in, find, wantFolded, wantSpan string
	}{
		{"Le CHU de Nîmes, à l'hôpital", "chu de nimes", "le chu de nimes a l hopital", "CHU de Nîmes"},
		{"l'hôpital mère-enfant de Taiyuan.", "hopital mere enfant", "l hopital mere enfant de taiyuan ", "hôpital mère-enfant"},
		{"Bệnh viện Bạch Mai", "benh vien bach mai", "benh vien bach mai", "Bệnh viện Bạch Mai"},
		{"Be\u0323nh vie\u0323\u0302n", "benh vien", "benh vien", "Be\u0323nh vie\u0323\u0302n"},
		{"Œuvre", "oeuvre", "oeuvre", "Œuvre"},
	}
	for _, tt := range tests {
		f := Fold(tt.in)
		if f.Text != tt.wantFolded {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, f.Text, tt.wantFolded)
			continue
		}
		i := strings.Index(f.Text, tt.find)
		if i < 0 {
			t.Errorf("%q not found in %q", tt.find, f.Text)
			continue
		}
		s, e := f.Span(i, i+len(tt.find))
		if got := tt.in[s:e]; got != tt.wantSpan {
			t.Errorf("Span of %q in %q = %q, want %q", tt.find, tt.in, got, tt.wantSpan)
		}
	}
}

func FuzzFoldSpan(f *testing.F) {
	f.Add("Bệnh viện Bạch Mai, l'hôpital")
	f.Add("Be\u0323nh")
	f.Fuzz(func(t *testing.T, s string) {
		fo := Fold(s)
		if len(fo.Offsets) != len(fo.Text)+1 {
			t.Fatalf("offsets %d for text %d", len(fo.Offsets), len(fo.Text))
		}
		for i := 0; i < len(fo.Text); i++ {
			for j := i + 1; j <= len(fo.Text) && j < i+8; j++ {
				a, b := fo.Span(i, j)
				if a < 0 || b > len(s) || a > b {
					t.Fatalf("Span(%d,%d) = %d,%d for len %d", i, j, a, b, len(s))
				}
			}
		}
	})
}

func TestBack(t *testing.T) {
	s := "đã ký hôm qua" // "đ" and "ã" are two bytes each
	tests := []struct {
		pos, n, want int
	}{
		{len(s), 100, 0},    // the window reaches the start
		{len(s), 0, len(s)}, // an empty window
		{4, 1, 4},           // one byte back from "ký" lands inside "ã": moved to the rune after it
		{4, 2, 2},           // two bytes back is the start of "ã"
	}
	for _, tt := range tests {
		if got := Back(s, tt.pos, tt.n); got != tt.want {
			t.Errorf("Back(%q, %d, %d) = %d, want %d", s, tt.pos, tt.n, got, tt.want)
		}
	}
}

func TestForward(t *testing.T) {
	s := "đã ký hôm qua" // "đ" and "ã" are two bytes each
	tests := []struct {
		pos, n, want int
	}{
		{0, 100, len(s)}, // the window reaches the end
		{0, 0, 0},        // an empty window
		{0, 1, 2},        // one byte after the start lands inside "đ": moved to the rune after it
		{0, 2, 2},        // two bytes is the end of "đ"
	}
	for _, tt := range tests {
		if got := Forward(s, tt.pos, tt.n); got != tt.want {
			t.Errorf("Forward(%q, %d, %d) = %d, want %d", s, tt.pos, tt.n, got, tt.want)
		}
	}
}
